import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { loadDocumentConfig } from '../../../src-server/documents/document-config';
import { PhoneDocuments } from '../../../src-server/documents/phone-documents';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer, type TestServer } from '../../support/server-harness';

/**
 * The documents a kiosk leaves for a phone, in the central server's database (any instance
 * serves the link; a restart forgets nothing): once by their token, gone at expiry, limits held
 * in the statement that holds one.
 */
async function kiosk(t: TestServer): Promise<string> {
  const id = randomUUID();
  await t.server.database.exec.query(
    "INSERT INTO devices (id, name, mode, token_hash) VALUES ($1, 'Kiosco', 'kiosk', $2)",
    [id, randomUUID()],
  );
  return id;
}

const pdf = (size: number, deviceId: string) => ({
  fileName: 'factura.pdf',
  contentType: 'application/pdf' as const,
  bytes: Buffer.alloc(size, 0x25),
  deviceId,
});

describeEachServerDatabase('documents held for a phone', (variant) => {
  it('serves a document once by its token, and forgets it at its expiry or when swept', async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    const device = await kiosk(t);
    let now = Date.parse('2026-12-03T15:00:00Z');
    const held = new PhoneDocuments(
      t.server.database.exec,
      { ttlMs: 600_000, maxHeldBytes: 1_000_000, maxPerDevice: 10 },
      () => new Date(now),
    );
    try {
      const first = await held.hold(pdf(100, device));
      const second = await held.hold(pdf(200, device));
      if (!first.held || !second.held) throw new Error('refused');
      expect(first.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(first.token).not.toBe(second.token);
      expect(first.expiresAt.toISOString()).toBe('2026-12-03T15:10:00.000Z');
      // Only the token's hash is stored.
      const stored = await t.server.database.exec.query<{ token_sha256: string }>(
        'SELECT token_sha256 FROM phone_documents',
      );
      expect(stored.rows.map((r) => r.token_sha256)).not.toContain(first.token);
      const taken = await held.take(first.token);
      expect(taken?.bytes.equals(Buffer.alloc(100, 0x25))).toBe(true);
      expect(await held.take(first.token)).toBeNull();
      now += 600_000;
      expect(await held.take(second.token)).toBeNull();
      expect(await held.held()).toEqual({ documents: 0, bytes: 0 });
      const third = await held.hold(pdf(50, device));
      now += 600_000;
      expect(third.held && (await held.sweep())).toBe(1);
    } finally {
      held.stop();
    }
  });

  it('refuses more than a device’s share and more bytes than it may hold', async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    const [one, two] = [await kiosk(t), await kiosk(t)];
    const held = new PhoneDocuments(t.server.database.exec, { ttlMs: 600_000, maxHeldBytes: 1_000, maxPerDevice: 2 });
    try {
      expect((await held.hold(pdf(100, one))).held).toBe(true);
      expect((await held.hold(pdf(100, one))).held).toBe(true);
      expect((await held.hold(pdf(100, one))).held).toBe(false);
      expect((await held.hold(pdf(900, two))).held).toBe(false);
      expect((await held.hold(pdf(800, two))).held).toBe(true);
    } finally {
      held.stop();
    }
  });
});

it('the central server’s document settings have defaults and say in Spanish what is wrong', () => {
  expect(loadDocumentConfig({})).toEqual({ publicUrl: null, uploadMaxBytes: 10 * 1024 * 1024, phoneLinkMinutes: 10 });
  expect(
    loadDocumentConfig({
      VENTANILLA_PUBLIC_URL: 'https://ventanilla.acueducto.example/',
      VENTANILLA_PHONE_LINK_MINUTES: '5',
    }),
  ).toMatchObject({
    publicUrl: 'https://ventanilla.acueducto.example',
    phoneLinkMinutes: 5,
  });
  expect(loadDocumentConfig({ VENTANILLA_PUBLIC_URL: 'ftp://x' })).toHaveProperty('problem');
  expect(loadDocumentConfig({ VENTANILLA_PUBLIC_URL: 'https://x.example/?a=1' })).toHaveProperty('problem');
  expect(loadDocumentConfig({ VENTANILLA_UPLOAD_MAX_BYTES: '1000' })).toHaveProperty('problem');
  expect(loadDocumentConfig({ VENTANILLA_PHONE_LINK_MINUTES: '0' })).toHaveProperty('problem');
});
