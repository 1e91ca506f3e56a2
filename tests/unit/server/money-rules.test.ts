import { describe, expect, it } from 'vitest';
import { loadServerConfig } from '../../../src-server/config';
import { defaultMoneyRules, loadMoneyRules } from '../../../src-server/sync/money-rules';

describe('money rules of the central server', () => {
  it('voids within the office and refuses payments older than 60 days by default', () => {
    expect(loadMoneyRules({})).toEqual(defaultMoneyRules);
    expect(defaultMoneyRules).toEqual({ voidScope: 'office', paymentMaxAgeDays: 60, paymentFutureMinutes: 10 });
    expect(loadServerConfig({}, { dataDir: '/srv' }).money).toEqual(defaultMoneyRules);
  });

  it('reads VENTANILLA_VOID_SCOPE and VENTANILLA_PAYMENT_MAX_AGE_DAYS', () => {
    expect(loadMoneyRules({ VENTANILLA_VOID_SCOPE: 'device', VENTANILLA_PAYMENT_MAX_AGE_DAYS: '15' })).toMatchObject({
      voidScope: 'device',
      paymentMaxAgeDays: 15,
    });
  });

  it('refuses anything else in Spanish, naming the variable', () => {
    expect(() => loadMoneyRules({ VENTANILLA_VOID_SCOPE: 'anyone' })).toThrow(
      /VENTANILLA_VOID_SCOPE debe ser «office»/,
    );
    for (const days of ['0', '-3', 'diez', '4000', '2.5']) {
      expect(() => loadMoneyRules({ VENTANILLA_PAYMENT_MAX_AGE_DAYS: days })).toThrow(
        /VENTANILLA_PAYMENT_MAX_AGE_DAYS debe ser un número entero de días/,
      );
    }
  });
});
