import { describe, expect, it } from 'vitest';
import { DEFAULT_MAIL_BACKOFF, retryDelayMs } from '../../src-server/mail/mail-backoff';
import { asDeliveryError, classifySmtpError, redactReason } from '../../src-server/mail/mail-delivery-error';

describe('retryDelayMs', () => {
  it('doubles from 5 s, caps at 15 minutes, and jitters within the upper half', () => {
    const low = () => 0;
    const high = () => 0.999_999;
    expect(retryDelayMs(1, DEFAULT_MAIL_BACKOFF, low)).toBe(2_500);
    expect(retryDelayMs(1, DEFAULT_MAIL_BACKOFF, high)).toBe(5_000);
    expect(retryDelayMs(2, DEFAULT_MAIL_BACKOFF, high)).toBe(10_000);
    expect(retryDelayMs(4, DEFAULT_MAIL_BACKOFF, high)).toBe(40_000);
    expect(retryDelayMs(9, DEFAULT_MAIL_BACKOFF, high)).toBe(15 * 60_000);
    // Never gives up: the thousandth attempt waits the cap, not Infinity.
    expect(retryDelayMs(1_000, DEFAULT_MAIL_BACKOFF, high)).toBe(15 * 60_000);
    expect(retryDelayMs(1_000, DEFAULT_MAIL_BACKOFF, low)).toBe(7.5 * 60_000);
  });
});

describe('classifySmtpError', () => {
  const smtpError = (fields: Record<string, unknown>) =>
    Object.assign(new Error(String(fields.message ?? 'x')), fields);

  it('parks only refusals of this mail: 5xx to RCPT TO or DATA', () => {
    expect(classifySmtpError(smtpError({ code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO' })).permanent).toBe(
      true,
    );
    expect(classifySmtpError(smtpError({ code: 'EMESSAGE', responseCode: 554, command: 'DATA' })).permanent).toBe(true);
  });

  it('retries outages, 4xx, 503 and configuration errors (every mail would fail alike)', () => {
    for (const fields of [
      { code: 'ESOCKET', command: 'CONN', message: 'connect ECONNREFUSED 127.0.0.1:25' },
      { code: 'ETIMEDOUT', command: 'CONN' },
      { code: 'EENVELOPE', responseCode: 451, command: 'RCPT TO' },
      { code: 'EENVELOPE', responseCode: 503, command: 'RCPT TO' },
      { code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN' },
      { code: 'EENVELOPE', responseCode: 550, command: 'MAIL FROM' },
    ]) {
      expect(classifySmtpError(smtpError(fields)).permanent, JSON.stringify(fields)).toBe(false);
    }
    expect(asDeliveryError(new TypeError('boom')).permanent).toBe(false);
  });

  it('keeps addresses and URLs out of the reason it stores and logs', () => {
    const error = classifySmtpError(
      smtpError({
        code: 'EENVELOPE',
        responseCode: 550,
        command: 'RCPT TO',
        message:
          "Can't send mail - all recipients were rejected: 550 5.1.1 <ana.nunez@example.com>: usuario desconocido",
      }),
    );
    expect(error.reason).toBe(
      "EENVELOPE 550 RCPT TO: Can't send mail - all recipients were rejected: 550 5.1.1 <[dirección]>: usuario desconocido",
    );
    expect(redactReason('fallo en smtps://usuario:cl4ve@smtp.example:465 para x@y.co')).toBe(
      'fallo en [url] para [dirección]',
    );
    expect(redactReason('a'.repeat(400))).toHaveLength(300);
  });
});
