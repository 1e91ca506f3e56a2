import { z } from 'zod';
import { err, ok, type Result } from '../api/result';
import { bogotaDate, formatDateEs } from '../domain/calendar-es';
import type { Pesos } from '../domain/money';
import { matriculaKinds, type MatriculaKind } from './matricula';

/**
 * The certificates a chamber sells and their prices, as configuration with validity dates
 * (docs/registry.md). Since 2024 tariffs are set in UVB (Unidad de Valor Básico): a certificate
 * of a persona jurídica costs 1 UVB, of a persona natural or an establishment 0,5 UVB, and the
 * result is rounded as Decreto 1074 de 2015 art. 2.2.2.46.1.10 says — to the nearest $100 when it
 * is at most 3 % of the SMMLV, otherwise to the nearest $1.000 (docs/domain/certificates.md, 6.4).
 * The UVB and the SMMLV change every January, so they are dated too; a date no entry covers
 * has no price, and the sale is refused rather than charged at a guess.
 */

/**
 * The layout a certificate is printed with. It fixes which registry entries it can be about:
 * the existencia y representación legal is a legal person's, the matrícula mercantil a natural
 * person's or an establishment's — a configuration cannot sell one for the other.
 */
export const certificateForms = {
  'existencia-representacion-legal': ['sociedad', 'esal'],
  'matricula-mercantil': ['persona-natural', 'establecimiento'],
} as const satisfies Record<string, readonly MatriculaKind[]>;
export type CertificateForm = keyof typeof certificateForms;
const formNames = Object.keys(certificateForms) as [CertificateForm, ...CertificateForm[]];

const IsoDay = z
  .string({ error: 'debe ser una fecha AAAA-MM-DD.' })
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T12:00:00Z`).toISOString().slice(0, 10) === v, {
    error: 'debe ser una fecha AAAA-MM-DD que exista.',
  });

const validity = {
  /** First day the entry applies (Bogotá calendar), inclusive. */
  validFrom: IsoDay,
  /** Last day it applies, inclusive; absent = until further notice. */
  validTo: IsoDay.optional(),
};

/** `{ "uvb": factor }` or `{ "cop": pesos }`: one of the two, each with its own message. */
const Price = z
  .object({
    uvb: z
      .number({ error: 'el factor en UVB debe ser un número.' })
      .positive({ error: 'el factor en UVB debe ser mayor que cero.' })
      .max(1000, { error: 'el factor en UVB es de hasta 1.000.' })
      .refine((v) => Math.abs(v * 1000 - Math.round(v * 1000)) < 1e-6, {
        error: 'el factor en UVB lleva hasta tres decimales.',
      })
      .optional(),
    cop: z
      .number({ error: 'el precio en pesos debe ser un número.' })
      .int({ error: 'el precio en pesos es un número entero.' })
      .positive({ error: 'el precio en pesos debe ser mayor que cero.' })
      .optional(),
  })
  .strict()
  .refine((p) => (p.uvb === undefined) !== (p.cop === undefined), {
    error: 'el precio es { "uvb": factor } o { "cop": pesos }, uno de los dos.',
  })
  .transform((p): { readonly uvb: number } | { readonly cop: number } =>
    p.cop !== undefined ? { cop: p.cop } : { uvb: p.uvb ?? 0 },
  );
export type CertificatePrice = z.output<typeof Price>;

const CatalogueEntry = z
  .object({
    code: z
      .string({ error: 'falta el código.' })
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'el código lleva minúsculas, números y guiones.' }),
    title: z.string({ error: 'falta el título.' }).trim().min(3, { error: 'falta el título.' }).max(160),
    form: z.enum(formNames, { error: `la forma es una de: ${formNames.join(', ')}.` }),
    appliesTo: z
      .array(z.enum(matriculaKinds, { error: `cada tipo es uno de: ${matriculaKinds.join(', ')}.` }))
      .min(1, { error: 'diga a qué matrículas aplica.' }),
    price: Price,
    ...validity,
  })
  .strict()
  .superRefine((entry, ctx) => {
    const allowed: readonly MatriculaKind[] = certificateForms[entry.form];
    for (const kind of entry.appliesTo) {
      if (!allowed.includes(kind))
        ctx.addIssue({
          code: 'custom',
          path: ['appliesTo'],
          message: `un certificado con la forma ${entry.form} no puede ser de una matrícula ${kind}.`,
        });
    }
  });
export type CatalogueEntry = z.output<typeof CatalogueEntry>;

/** The UVB and the SMMLV in force over a period. */
const ReferenceValues = z
  .object({
    uvb: z.number({ error: 'la UVB es un número.' }).int({ error: 'la UVB va en pesos enteros.' }).positive(),
    smmlv: z.number({ error: 'el SMMLV es un número.' }).int({ error: 'el SMMLV va en pesos enteros.' }).positive(),
    ...validity,
  })
  .strict();
export type ReferenceValues = z.output<typeof ReferenceValues>;

export const CertificateCatalogue = z
  .object({
    referenceValues: z.array(ReferenceValues),
    certificates: z.array(CatalogueEntry).min(1, { error: 'el catálogo no tiene certificados.' }),
  })
  .strict()
  .superRefine((catalogue, ctx) => {
    checkNoOverlap(catalogue.referenceValues, () => 'referenceValues', ctx, 'valores de referencia (UVB y SMMLV)');
    const codes = new Set(catalogue.certificates.map((c) => c.code));
    for (const code of codes) {
      const same = catalogue.certificates.map((c, i) => ({ ...c, i })).filter((c) => c.code === code);
      checkNoOverlap(same, () => 'certificates', ctx, `el certificado ${code}`);
    }
  });
export type CertificateCatalogue = z.output<typeof CertificateCatalogue>;

interface Dated {
  readonly validFrom: string;
  readonly validTo?: string | undefined;
}

function checkNoOverlap(items: readonly Dated[], path: () => string, ctx: z.RefinementCtx, what: string): void {
  for (const item of items) {
    if (item.validTo !== undefined && item.validTo < item.validFrom)
      ctx.addIssue({ code: 'custom', path: [path()], message: `${what}: validTo es anterior a validFrom.` });
  }
  const sorted = [...items].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  for (let i = 1; i < sorted.length; i += 1) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    if (previous && current && (previous.validTo === undefined || previous.validTo >= current.validFrom))
      ctx.addIssue({
        code: 'custom',
        path: [path()],
        message: `${what}: dos vigencias se cruzan (desde ${current.validFrom}); una fecha tendría dos precios.`,
      });
  }
}

/** A configuration file's content → the catalogue, or every problem in Spanish with where it is. */
export function parseCertificateCatalogue(json: unknown): Result<CertificateCatalogue> {
  const parsed = CertificateCatalogue.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  const problems = parsed.error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    return `${where === '' ? '' : `${where.replace(/^\./, '')}: `}${issue.message}`;
  });
  return err('validation', `El catálogo de certificados no es válido: ${problems.join('; ')}`);
}

const covers = (item: Dated, day: string): boolean =>
  item.validFrom <= day && (item.validTo === undefined || day <= item.validTo);

/** The catalogue entries on sale on `at`'s day in Bogotá. */
export function certificatesOn(catalogue: CertificateCatalogue, at: Date): CatalogueEntry[] {
  const day = bogotaDate(at.toISOString());
  return catalogue.certificates.filter((entry) => covers(entry, day));
}

/** The entry `code` as it applies on `at`, or a refusal saying the certificate is not on sale. */
export function certificateOn(catalogue: CertificateCatalogue, code: string, at: Date): Result<CatalogueEntry> {
  const day = bogotaDate(at.toISOString());
  const entry = catalogue.certificates.find((c) => c.code === code && covers(c, day));
  if (entry !== undefined) return ok(entry);
  const known = catalogue.certificates.some((c) => c.code === code);
  return err(
    'not-found',
    known
      ? `Este certificado no tiene un precio vigente para el ${formatDateEs(day)}. Acérquese a una taquilla de la cámara de comercio.`
      : 'Ese certificado no está en el catálogo de la cámara de comercio.',
  );
}

/**
 * What `code` costs on `at`, in whole pesos: a fixed price as configured, a UVB factor converted
 * with the UVB in force that day and rounded per the decree. No entry or no UVB for that day → a
 * refusal; a wrong price must never be charged.
 */
export function priceOn(catalogue: CertificateCatalogue, code: string, at: Date): Result<Pesos> {
  const entry = certificateOn(catalogue, code, at);
  if (!entry.ok) return entry;
  const price = entry.value.price;
  if ('cop' in price) return ok(price.cop);
  const day = bogotaDate(at.toISOString());
  const values = catalogue.referenceValues.find((v) => covers(v, day));
  if (values === undefined)
    return err(
      'not-found',
      `No hay un valor de la UVB configurado para el ${formatDateEs(day)}; el certificado no se puede vender hasta que la cámara de comercio publique la tarifa del año.`,
    );
  return ok(uvbTariff(price.uvb, values));
}

/**
 * `factor` UVB in pesos, rounded to the nearest $100 when the amount is at most 3 % of the
 * SMMLV and to the nearest $1.000 above it (halves round up). Integer arithmetic throughout:
 * the factor is taken in thousandths, so 0,5 × $12.110 is exactly $6.055 before rounding.
 */
export function uvbTariff(factor: number, values: { readonly uvb: number; readonly smmlv: number }): Pesos {
  const milli = Math.round(factor * 1000) * values.uvb; // the amount × 1000
  const step = milli <= 30 * values.smmlv ? 100 : 1000; // amount ≤ 3/100 × SMMLV
  const unit = 1000 * step;
  return Math.floor((2 * milli + unit) / (2 * unit)) * step;
}

/**
 * The catalogue used when the server is given none: the UVB of 2025 ($11.552) and 2026
 * ($12.110) with that year's SMMLV (2025: $1.423.500; 2026: $1.750.905, Decreto 1469 de 2025,
 * ratified by Decreto 0159 de 2026 — it only decides the rounding step, and these prices are far
 * below 3 % of either). The UVB values end on 31 December 2026: from 2027 nothing is sold until
 * the year's values are configured. Prices derived from them (not checked against a chamber's
 * published table): existencia $11.600 / $12.100, matrícula $5.800 / $6.100.
 */
export const defaultCertificateCatalogue: CertificateCatalogue = {
  referenceValues: [
    { validFrom: '2025-01-01', validTo: '2025-12-31', uvb: 11_552, smmlv: 1_423_500 },
    { validFrom: '2026-01-01', validTo: '2026-12-31', uvb: 12_110, smmlv: 1_750_905 },
  ],
  certificates: [
    {
      code: 'existencia-representacion-legal',
      title: 'Certificado de existencia y representación legal',
      form: 'existencia-representacion-legal',
      appliesTo: ['sociedad', 'esal'],
      price: { uvb: 1 },
      validFrom: '2025-01-01',
    },
    {
      code: 'matricula-persona-natural',
      title: 'Certificado de matrícula mercantil de persona natural',
      form: 'matricula-mercantil',
      appliesTo: ['persona-natural'],
      price: { uvb: 0.5 },
      validFrom: '2025-01-01',
    },
    {
      code: 'matricula-establecimiento',
      title: 'Certificado de matrícula mercantil de establecimiento de comercio',
      form: 'matricula-mercantil',
      appliesTo: ['establecimiento'],
      price: { uvb: 0.5 },
      validFrom: '2025-01-01',
    },
  ],
};
