import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../../src-shared/api/result';
import { bearerToken } from '../../../src-server/http/device-auth';
import { statusFor } from '../../../src-server/http/errors';
import { createServerLogger, withServerRedaction } from '../../../src-server/logger';
import pino from 'pino';

describe('HTTP helpers', () => {
  it('reads a bearer token from the Authorization header, any scheme case', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer   abc ')).toBe('abc');
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken('Bearer')).toBeNull();
    expect(bearerToken('Bearer a b')).toBeNull();
  });

  it('maps every error code to an HTTP status', () => {
    expect(Object.fromEntries(errorCodes.map((code) => [code, statusFor(code)]))).toMatchObject({
      validation: 400,
      'session-ended': 401,
      'wrong-credentials': 401,
      forbidden: 403,
      'not-found': 404,
      conflict: 409,
      internal: 500,
    });
  });
});

describe('server logger', () => {
  function capture(): { lines: string[]; stream: Writable } {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    return { lines, stream };
  }

  it('redacts authorization headers, tokens, codes and connection strings', () => {
    const { lines, stream } = capture();
    const log = createServerLogger('info', stream);
    log.info(
      { req: { headers: { authorization: 'Bearer SECRET1' } }, token: 'SECRET2', body: { enrollmentCode: 'SECRET3' } },
      'x',
    );
    log.info({ databaseUrl: 'postgres://u:SECRET4@h/db' }, 'y');
    const text = lines.join('');
    expect(text).not.toMatch(/SECRET/);
    expect(text).toContain('[oculto]');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ name: 'ventanilla-server', token: '[oculto]' });
  });

  it('adds the same redaction to a logger the app hands in', () => {
    const { lines, stream } = capture();
    const log = withServerRedaction(pino({ name: 'ventanilla-app' }, stream));
    log.info({ token: 'SECRET5', headers: { authorization: 'Bearer SECRET6' } }, 'z');
    expect(lines.join('')).not.toMatch(/SECRET/);
  });
});
