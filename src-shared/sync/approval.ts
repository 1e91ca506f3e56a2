import { z } from 'zod';

/**
 * What a supervisor's approval signs (src-node/staff-credentials.ts makes and checks the
 * signature). One line per field, each named, so two different approvals can never produce
 * the same text; the device and the server build it from the event, never from free text.
 */

/** HMAC-SHA256, base64url without padding: 43 characters. */
export const ApprovalProof = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, { error: 'La firma de la aprobación no es válida.' });

export interface VoidApproval {
  readonly deviceId: string;
  readonly paymentId: string;
  readonly supervisor: string;
  readonly voidedAt: string;
  readonly reason: string;
}

export interface CloseApproval {
  readonly deviceId: string;
  readonly sessionId: string;
  readonly supervisor: string;
  readonly closedAt: string;
  readonly difference: number;
}

export function voidApprovalMessage(a: VoidApproval): string {
  return [
    'ventanilla/approval/payment.voided/v1',
    `device=${a.deviceId}`,
    `payment=${a.paymentId}`,
    `supervisor=${a.supervisor}`,
    `at=${a.voidedAt}`,
    `reason=${a.reason}`,
  ].join('\n');
}

export function closeApprovalMessage(a: CloseApproval): string {
  return [
    'ventanilla/approval/cash_session.closed/v1',
    `device=${a.deviceId}`,
    `session=${a.sessionId}`,
    `supervisor=${a.supervisor}`,
    `at=${a.closedAt}`,
    `difference=${a.difference}`,
  ].join('\n');
}

export interface HandoverApproval {
  readonly deviceId: string;
  readonly handoverId: string;
  readonly supervisor: string;
  readonly collector: string;
  readonly handedAt: string;
  /** Each day with the figures the laptop expects of it: moving pesos between days or tenders breaks the signature. */
  readonly days: readonly {
    readonly sessionId: string;
    readonly payments: number;
    readonly amount: number;
    readonly cash: number;
    readonly transfer: number;
  }[];
  readonly countedCash: number;
  readonly countedTransfer: number;
  readonly difference: number;
}

/** The days are named sorted by session, so the same handover signs the same text whatever their order. */
export function handoverApprovalMessage(a: HandoverApproval): string {
  return [
    'ventanilla/approval/field.handover/v1',
    `device=${a.deviceId}`,
    `handover=${a.handoverId}`,
    `supervisor=${a.supervisor}`,
    `collector=${a.collector}`,
    `at=${a.handedAt}`,
    ...[...a.days]
      .sort((x, y) => (x.sessionId < y.sessionId ? -1 : x.sessionId > y.sessionId ? 1 : 0))
      .map((d) => `day=${d.sessionId}:${d.payments}:${d.amount}:${d.cash}:${d.transfer}`),
    `cash=${a.countedCash}`,
    `transfer=${a.countedTransfer}`,
    `difference=${a.difference}`,
  ].join('\n');
}

/**
 * «Enviar diagnóstico» asked by a staff member at one device, good until `until` (ISO 8601, as
 * sent): the central server stores a bundle under a staff member's name only with this signed
 * by that member's approval key for the very device that uploads it. A counter or field laptop
 * signs it when a supervisor types the password; at a kiosk, which never learns a key, the
 * server signs it at the corner's sign-in and hands the proof to the kiosk.
 */
export interface DiagnosticRequest {
  readonly deviceId: string;
  readonly staff: string;
  readonly until: string;
}

/** The longest a diagnostic request's permission lasts after it was given (the server refuses an `until` further ahead). */
export const diagnosticRequestMaxMs = 15 * 60_000;

export function diagnosticRequestMessage(a: DiagnosticRequest): string {
  return [
    'ventanilla/approval/diagnostic.requested/v1',
    `device=${a.deviceId}`,
    `staff=${a.staff}`,
    `until=${a.until}`,
  ].join('\n');
}
