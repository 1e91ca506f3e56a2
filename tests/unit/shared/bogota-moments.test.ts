import { describe, expect, it } from 'vitest';
import { formatAtMoment, formatUntilMoment } from '../../../src-shared/domain/bogota-time';

/** 04:46 UTC on 4 December is 23:46 on 3 December in Bogotá (UTC−5): the day turns within minutes. */
const lateEvening = new Date('2026-12-04T04:46:00Z');

describe('moments in Bogotá time, as a sentence says them', () => {
  it('says only the hour when it is today in Bogotá, and the day too when it is not', () => {
    expect(formatUntilMoment(new Date('2026-12-04T04:56:00Z'), lateEvening)).toBe('las 23:56');
    expect(formatUntilMoment(new Date('2026-12-04T05:04:00Z'), lateEvening)).toBe(
      'el 4 de diciembre de 2026 a las 00:04',
    );
  });

  it('after a verb: «a las 23:56», or «el 4 de diciembre de 2026 a las 00:01», never «a el»', () => {
    expect(formatAtMoment(new Date('2026-12-04T04:56:00Z'), lateEvening)).toBe('a las 23:56');
    expect(formatAtMoment(new Date('2026-12-04T05:01:00Z'), lateEvening)).toBe('el 4 de diciembre de 2026 a las 00:01');
  });
});
