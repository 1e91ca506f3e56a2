import { credentialFields, type OperationAuth } from '../../src-shared/api/operation';
import { assertNever, err, type Result } from '../../src-shared/api/result';
import type { CallerResolvers, Callers } from './callers';

const messages = {
  role: 'Su usuario no tiene permiso para esta función.',
  supervisorOnly: 'Esta acción requiere un supervisor.',
} as const;

/**
 * The caller of an operation whose input already parsed: its credential (the input field its
 * auth kind names) resolved by the feature that issued it, and its role checked against the
 * operation's. Refusals come back as data for the dispatcher to answer with.
 */
export function checkCaller(
  auth: OperationAuth,
  input: unknown,
  resolvers: CallerResolvers,
): Result<Callers[OperationAuth['kind']]> {
  if (auth.kind === 'none') return { ok: true, value: null };
  const credential = credentialOf(input, credentialFields[auth.kind]);
  switch (auth.kind) {
    case 'kiosk-visit':
      return resolvers['kiosk-visit'](credential);
    case 'citizen-session':
      return resolvers['citizen-session'](credential);
    case 'staff-session': {
      const staff = resolvers['staff-session'](credential);
      if (staff.ok && !auth.roles.includes(staff.value.role)) return err('forbidden', messages.role);
      return staff;
    }
    case 'supervisor-grant': {
      const grant = resolvers['supervisor-grant'](credential);
      if (grant.ok && grant.value.role !== 'supervisor') return err('forbidden', messages.supervisorOnly);
      return grant;
    }
    default:
      return assertNever(auth);
  }
}

/** The schema made the field a string (defineOperation requires it); an empty one matches no credential. */
function credentialOf(input: unknown, field: string): string {
  const value = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? value : '';
}
