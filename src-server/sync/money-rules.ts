import { z } from 'zod';

/**
 * The central server's rules for money events from devices, configurable per entity
 * (VENTANILLA_VOID_SCOPE, VENTANILLA_PAYMENT_MAX_AGE_DAYS). The defaults suit a utility with
 * several offices and field collectors who stay out up to a few weeks.
 */
export interface MoneyRules {
  /**
   * Who may void a counter or field payment: a counter of the `office` where it was taken,
   * or only the `device` that took it.
   */
  readonly voidScope: 'office' | 'device';
  /** A payment dated further back than this is refused (a field device offline for weeks still fits). */
  readonly paymentMaxAgeDays: number;
  /** A payment dated ahead of the server's clock by more than this is refused. */
  readonly paymentFutureMinutes: number;
}

export const defaultMoneyRules: MoneyRules = { voidScope: 'office', paymentMaxAgeDays: 60, paymentFutureMinutes: 10 };

export class MoneyRulesError extends Error {
  override readonly name = 'MoneyRulesError';
}

const Days = z.coerce.number().int().min(1).max(3650);

/** Reads the two variables; anything malformed stops the server with a Spanish message. */
export function loadMoneyRules(env: Record<string, string | undefined>): MoneyRules {
  const scope = env.VENTANILLA_VOID_SCOPE?.trim() || defaultMoneyRules.voidScope;
  if (scope !== 'office' && scope !== 'device') {
    throw new MoneyRulesError(
      `VENTANILLA_VOID_SCOPE debe ser «office» (la misma sede) o «device» (el mismo equipo), no «${scope}».`,
    );
  }
  const days = Days.safeParse(
    env.VENTANILLA_PAYMENT_MAX_AGE_DAYS?.trim() || String(defaultMoneyRules.paymentMaxAgeDays),
  );
  if (!days.success) {
    throw new MoneyRulesError(
      `VENTANILLA_PAYMENT_MAX_AGE_DAYS debe ser un número entero de días entre 1 y 3650, no «${env.VENTANILLA_PAYMENT_MAX_AGE_DAYS}».`,
    );
  }
  return { ...defaultMoneyRules, voidScope: scope, paymentMaxAgeDays: days.data };
}
