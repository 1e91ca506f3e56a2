import { z } from 'zod';
import { errorCodes, type Result } from '../../src-shared/api/result';

/**
 * The outer shape of every answer from a host. The value itself is checked later against
 * the operation's own output schema by `createClient`.
 */
const ResultEnvelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.enum(errorCodes), message: z.string(), field: z.string().optional() }),
  }),
]);

export function parseResultEnvelope(body: unknown): Result<unknown> | null {
  const parsed = ResultEnvelope.safeParse(body);
  if (!parsed.success) return null;
  const data = parsed.data;
  if (data.ok) return { ok: true, value: data.value };
  const { code, message, field } = data.error;
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}
