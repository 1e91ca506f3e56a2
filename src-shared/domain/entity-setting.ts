import { z } from 'zod';
import { err, ok, type Result } from '../api/result';
import { PaymentBarcodeConfig } from './gs1-128';

/**
 * The entity a server belongs to, as the `entity` settings row: the central server owns it and
 * devices replicate it into their local `settings` table as JSON. Bills, slips and receipts
 * print it. The NIT body is kept without its check digit; whatever prints it adds the DV with
 * `formatNit` (nit.ts).
 *
 * Everything after name, NIT and city arrived with the bill documents; those fields have
 * defaults so a device reading an older server's row still prints a bill. Unknown keys are
 * dropped, not refused, so a newer server does not break an older device.
 */
export const entitySettingKey = 'entity';

const line = z.string().trim().max(160);

export const EntitySetting = z.object({
  name: z.string().trim().min(1).max(120),
  /** NIT body without the check digit. */
  nit: z.string().regex(/^\d{1,15}$/, 'El NIT se guarda sin dígito de verificación, solo dígitos.'),
  city: z.string().trim().min(1).max(60),
  /** Office address as printed under the name, e.g. `Calle 60 No. 5-20, Ibagué, Tolima`. */
  address: line.default(''),
  /** Customer-service phone line(s), e.g. `(608) 261 0101`. */
  phone: line.default(''),
  website: line.default(''),
  /**
   * The collection convenio's GS1-128 parameters. Without them a current bill is printed with
   * no barcode and a note to pay at the entity's offices.
   */
  paymentBarcode: PaymentBarcodeConfig.optional(),
  /** Where citizens can pay, in the words they know (banks, corresponsales, offices). */
  paymentPoints: z.array(line.min(1)).max(8).default([]),
  /** Customer-service and legal lines printed at the foot of every bill. */
  footer: z.array(z.string().trim().min(1).max(320)).max(4).default([]),
});
export type EntitySetting = z.output<typeof EntitySetting>;
/** What an admin or the seed writes: fields with defaults may be left out. */
export type EntitySettingInput = z.input<typeof EntitySetting>;

/** Parses the replicated `entity` settings value (already JSON-decoded). */
export function parseEntitySetting(value: unknown): Result<EntitySetting> {
  const parsed = EntitySetting.safeParse(value);
  if (parsed.success) return ok(parsed.data);
  const first = parsed.error.issues[0];
  const where = first?.path.join('.') ?? '';
  return err(
    'validation',
    `La configuración de la entidad no es válida (${where}): ${first?.message ?? ''}`.trim(),
    where,
  );
}
