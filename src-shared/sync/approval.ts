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
