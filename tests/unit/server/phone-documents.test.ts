import { describe, expect, it } from 'vitest';
import { loadDocumentConfig } from '../../../src-server/documents/document-config';
import { PhoneDocuments } from '../../../src-server/documents/phone-documents';

const pdf = (size: number) => ({ fileName: 'factura.pdf', contentType: 'application/pdf' as const, bytes: Buffer.alloc(size, 0x25), deviceId: 'kiosco-1' });

describe('documents held for a phone', () => {
  it('serves a document once by its token, and forgets it at its expiry or when swept', () => {
    let now = Date.parse('2026-12-03T15:00:00Z');
    const held = new PhoneDocuments({ ttlMs: 600_000, maxHeldBytes: 1_000_000, maxPerDevice: 10 }, () => new Date(now));
    try {
      const first = held.hold(pdf(100));
      const second = held.hold(pdf(200));
      if (!first.held || !second.held) throw new Error('refused');
      expect(first.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(first.token).not.toBe(second.token);
      expect(first.expiresAt.toISOString()).toBe('2026-12-03T15:10:00.000Z');
      expect(held.take(first.token)?.bytes.byteLength).toBe(100);
      expect(held.take(first.token)).toBeNull();
      now += 600_000;
      expect(held.sweep()).toBe(1);
      expect(held.held()).toEqual({ documents: 0, bytes: 0 });
      expect(held.take(second.token)).toBeNull();
    } finally {
      held.stop();
    }
  });

  it('refuses more than a device’s share and more bytes than it may hold', () => {
    const held = new PhoneDocuments({ ttlMs: 600_000, maxHeldBytes: 1_000, maxPerDevice: 2 });
    try {
      expect(held.hold(pdf(100)).held).toBe(true);
      expect(held.hold(pdf(100)).held).toBe(true);
      expect(held.hold(pdf(100)).held).toBe(false);
      expect(held.hold({ ...pdf(900), deviceId: 'kiosco-2' }).held).toBe(false);
      expect(held.hold({ ...pdf(800), deviceId: 'kiosco-2' }).held).toBe(true);
    } finally {
      held.stop();
    }
  });
});

describe('the central server’s document settings', () => {
  it('has defaults and says in Spanish what is wrong', () => {
    expect(loadDocumentConfig({})).toEqual({ publicUrl: null, uploadMaxBytes: 10 * 1024 * 1024, phoneLinkMinutes: 10 });
    expect(loadDocumentConfig({ VENTANILLA_PUBLIC_URL: 'https://ventanilla.acueducto.example/', VENTANILLA_PHONE_LINK_MINUTES: '5' })).toMatchObject({
      publicUrl: 'https://ventanilla.acueducto.example',
      phoneLinkMinutes: 5,
    });
    expect(loadDocumentConfig({ VENTANILLA_PUBLIC_URL: 'ftp://x' })).toHaveProperty('problem');
    expect(loadDocumentConfig({ VENTANILLA_PUBLIC_URL: 'https://x.example/?a=1' })).toHaveProperty('problem');
    expect(loadDocumentConfig({ VENTANILLA_UPLOAD_MAX_BYTES: '1000' })).toHaveProperty('problem');
    expect(loadDocumentConfig({ VENTANILLA_PHONE_LINK_MINUTES: '0' })).toHaveProperty('problem');
  });
});
