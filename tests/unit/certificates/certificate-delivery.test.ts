import { describe, expect, it } from 'vitest';
import {
  canMoveCertificate,
  issuedCertificateStates,
  stateAfterOutcome,
  type IssuedCertificateState,
} from '../../../src-shared/certificates/certificate-delivery';

/** The one table of how a bought copy may end (docs/certificates.md): money moves only along it. */
describe('certificate delivery state machine', () => {
  const allowed = (actor: 'kiosk' | 'staff'): string[] =>
    issuedCertificateStates.flatMap((from) =>
      issuedCertificateStates.filter((to) => canMoveCertificate(from, to, actor)).map((to) => `${from}→${to}`),
    );

  it('lets a kiosk end a held copy any way, and learn the end of one it lost track of', () => {
    expect(allowed('kiosk')).toEqual([
      'held→delivered',
      'held→refunded',
      'held→unknown',
      'unknown→delivered',
      'unknown→refunded',
    ]);
  });

  it('lets staff decide only copies nobody confirmed, never a delivered or refunded one', () => {
    expect(allowed('staff')).toEqual(['held→delivered', 'held→refunded', 'unknown→delivered', 'unknown→refunded']);
  });

  it('never reopens a settled or refunded copy, nor moves a copy to held', () => {
    for (const actor of ['kiosk', 'staff'] as const) {
      for (const to of issuedCertificateStates) {
        expect(canMoveCertificate('delivered', to, actor)).toBe(false);
        expect(canMoveCertificate('refunded', to, actor)).toBe(false);
      }
      for (const from of issuedCertificateStates) expect(canMoveCertificate(from, 'held', actor)).toBe(false);
    }
  });

  it('maps each dispenser outcome to the state that settles, refunds or keeps the hold', () => {
    const expected: Record<string, IssuedCertificateState> = {
      completed: 'delivered',
      failed: 'refunded',
      unknown: 'unknown',
    };
    expect(stateAfterOutcome).toEqual(expected);
  });
});
