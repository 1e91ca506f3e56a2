import type { z } from 'zod';
import { deviceModes, type DeviceMode } from '../domain/device-mode';
import type { StaffRole } from './ops/staff';

/**
 * Who may call an operation. The dispatcher checks it once, before the handler runs, and hands
 * the handler the caller it found (src-main/api/callers.ts): no service checks a token itself.
 * The credential travels in the input, in the field `credentialFields` names, so the Electron
 * bridge and the web host carry it alike and the input schema checks its shape like any field.
 */
export type OperationAuth =
  /** Anyone the host lets in: the device's own screens, sign-ins, what a citizen does before proving anything. */
  | { readonly kind: 'none' }
  /**
   * A citizen at the kiosk who answered a código interno's questions in this visit (or opened a
   * code linked to their account): `accessId`, good for that code until the visit ends.
   */
  | { readonly kind: 'kiosk-visit' }
  /**
   * A citizen logged in to their account during this kiosk visit: `session`, which the central
   * server issued and checks again on every call; the device refuses one it did not open itself.
   */
  | { readonly kind: 'citizen-session' }
  /** A staff member signed in at this counter (`staffSession`), with one of `roles`. */
  | { readonly kind: 'staff-session'; readonly roles: readonly StaffRole[] }
  /** A supervisor who typed their password on this device moments ago (`grantId` from staff.authorize). */
  | { readonly kind: 'supervisor-grant' };

export type AuthKind = OperationAuth['kind'];

/** The input field that carries each kind's credential. */
export const credentialFields = {
  'kiosk-visit': 'accessId',
  'citizen-session': 'session',
  'staff-session': 'staffSession',
  'supervisor-grant': 'grantId',
} as const satisfies Record<Exclude<AuthKind, 'none'>, string>;

/** What an operation of auth `A` must have in its parsed input: the credential, as a string. */
type CarriesCredential<A extends OperationAuth> = A['kind'] extends keyof typeof credentialFields
  ? { readonly [F in (typeof credentialFields)[A['kind']]]: string }
  : unknown;

/** One operation of the API contract: its input and output schemas and what it is for. */
export interface Operation<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  A extends OperationAuth = OperationAuth,
> {
  readonly input: I;
  readonly output: O;
  /** What the operation does, for people reading the contract. */
  readonly summary: string;
  /**
   * `local`: answered from the device's own store and devices, works offline.
   * `server`: needs the central server; returns `offline` without it.
   */
  readonly reach: 'local' | 'server';
  /**
   * The device modes that serve it. The dispatcher refuses it on any other (a kiosk has no
   * cashier or staff operations); the mode is the one the central server enrolled the device as.
   */
  readonly modes: readonly DeviceMode[];
  /** Who may call it (see `OperationAuth`); refused with `session-ended` or `forbidden` before the handler runs. */
  readonly auth: A;
}

/** Every mode: what any device does (its status, its enrollment, its printers). */
export const anyMode: readonly DeviceMode[] = deviceModes;
/** Citizens' self-service. */
export const kioskOnly: readonly DeviceMode[] = ['kiosk'];
/** Where staff take money and sign in: counters and field laptops. */
export const staffModes: readonly DeviceMode[] = ['cashier', 'field'];
/** The counter's own screens. */
export const counterOnly: readonly DeviceMode[] = ['cashier'];

/** No credential. */
export const openToAll = { kind: 'none' } as const satisfies OperationAuth;
/** The código interno this kiosk visit unlocked (`accessId`). */
export const kioskVisit = { kind: 'kiosk-visit' } as const satisfies OperationAuth;
/** A citizen's account session opened in this kiosk visit (`session`). */
export const citizenSession = { kind: 'citizen-session' } as const satisfies OperationAuth;
/** A cashier or supervisor signed in at the counter (`staffSession`): the roles a counter admits. */
export const counterStaff = { kind: 'staff-session', roles: ['cajero', 'supervisor'] } as const satisfies OperationAuth;
/** A supervisor's fresh grant (`grantId`). */
export const supervisorGrant = { kind: 'supervisor-grant' } as const satisfies OperationAuth;

/**
 * Declares one operation. The input schema must carry the credential its `auth` names (a
 * `staff-session` operation without `staffSession` in its input is a type error here).
 */
export const defineOperation = <
  I extends z.ZodType<CarriesCredential<A>>,
  O extends z.ZodType,
  const A extends OperationAuth,
>(
  op: Operation<I, O, A>,
): Operation<I, O, A> => op;

/** Each group's operations, as one object type. */
type Merged<G extends readonly object[]> = G extends readonly [infer Head, ...infer Rest extends readonly object[]]
  ? Head & Merged<Rest>
  : unknown;

/**
 * The contract from each domain's operations. A name declared in two groups throws here, when
 * the contract module loads (at start-up), instead of one silently replacing the other as an
 * object spread would.
 */
export function defineContract<const G extends readonly Readonly<Record<string, Operation>>[]>(
  ...groups: G
): Merged<G> {
  const merged: Record<string, Operation> = {};
  for (const group of groups) {
    for (const [name, op] of Object.entries(group)) {
      if (Object.hasOwn(merged, name))
        throw new Error(`The operation ${name} is declared twice in the API contract (src-shared/api/ops/).`);
      merged[name] = op;
    }
  }
  // Every group's entries were copied in, none replaced: the object has each group's members.
  return merged as Merged<G>;
}
