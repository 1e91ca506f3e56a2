import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { renderMail } from '../../../src-server/mail/mail-templates';
import { checkRunningBalance } from '../../../src-server/wallet/documents/kardex-pdf';
import { uuidv7Floor } from '../../../src-server/wallet/mailer/payment-support-facts';
import type { HolderData } from '../../../src-shared/wallet/holder-fields';
import { volanteFacts } from '../../../src-shared/wallet/volante';

/** The pure parts of the wallet's documents and mail: what they say and what they refuse. */
const client: HolderData = {
  docType: 'NIT',
  docNumber: '9001234568',
  identity: { personKind: 'juridica', businessName: 'Ferretería <El Tornillo> S.A.S.' },
  contact: {
    email: 'pagos@example.test',
    mobile: '3151234567',
    landline: null,
    address: 'Cra 5',
    municipality: 'Ibagué',
  },
};

describe('volante facts', () => {
  const input = {
    entity: { name: 'Cámara de Comercio de Ibagué', nit: '890700642' },
    liquidation: {
      number: 100_123,
      amount: 75_000,
      expiresAt: '2026-12-10T04:59:59Z',
      recoveryCode: 'Bk7mQ2',
      client,
    },
    gln: '7709998000018',
    banks: ['Banco de Occidente'],
  };

  it('puts the liquidación under the wallet GLN with the Bogotá due date, and the holder by NIT', () => {
    const facts = volanteFacts(input);
    if (!facts.ok) throw new Error(facts.error.message);
    expect(facts.value.barcode.hri).toBe('(415)7709998000018(8020)0000100123(3900)0000075000(96)20261209');
    expect(facts.value.rows).toContainEqual(['Pague hasta', '09/12/2026']);
    expect(facts.value.rows).toContainEqual(['Identificación', 'NIT 900.123.456-8']);
    expect(facts.value.rows).toContainEqual(['Titular', 'Ferretería <El Tornillo> S.A.S.']);
    expect(facts.value.entityNit).toMatch(/^NIT 890\.700\.642-\d$/);
  });

  it('tells the citizen to pay at the offices when no bank is configured', () => {
    const facts = volanteFacts({ ...input, banks: [] });
    expect(facts.ok && facts.value.banksIntro).toBe('Pague en cualquiera de nuestras oficinas.');
  });

  it('refuses an amount the barcode cannot hold instead of cutting it', () => {
    const facts = volanteFacts({ ...input, liquidation: { ...input.liquidation, amount: 12_345_678_901 } });
    expect(facts).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});

describe('kardex running balance', () => {
  const rows = [
    { at: '2026-12-01T15:00:00Z', description: 'Recarga', amount: 50_000, balanceAfter: 80_000 },
    { at: '2026-12-02T15:00:00Z', description: 'Certificado', amount: -7_300, balanceAfter: 72_700 },
  ];
  it('opens with the balance before the first line', () => {
    expect(checkRunningBalance(rows, 72_700)).toEqual({ ok: true, value: 30_000 });
    expect(checkRunningBalance([], 5_000)).toEqual({ ok: true, value: 5_000 });
  });
  it('refuses lines that do not chain or do not end at the balance', () => {
    expect(checkRunningBalance(rows, 72_701).ok).toBe(false);
    const broken = rows.map((row, i) => (i === 1 ? { ...row, balanceAfter: 72_000 } : row));
    expect(checkRunningBalance(broken, 72_000).ok).toBe(false);
  });
});

describe('the soporte mail', () => {
  const base = {
    kind: 'wallet-payment-support',
    to: 'pagos@example.test',
    fullName: 'Ferretería <El Tornillo> S.A.S.',
    liquidationNumber: 100_123,
    amount: 75_000,
    newBalance: 105_000,
    paidAt: new Date('2026-12-03T15:30:00Z'),
    receiptNumber: '000321',
    attachments: [],
  } as const;

  it('carries the clave on the first payment only, escaped in HTML like every value', () => {
    const first = renderMail({ ...base, clave: 'K7MR-PX4W-9TQB' }, null);
    expect(first.subject).toBe('Soporte de su pago, liquidación 100123');
    expect(first.text).toContain('Clave del prepago: K7MR-PX4W-9TQB');
    expect(first.text).toContain('recibo de caja Nro. 000321');
    expect(first.html).toContain('K7MR-PX4W-9TQB');
    expect(first.html).toContain('Ferretería &lt;El Tornillo&gt; S.A.S.');
    const later = renderMail({ ...base, clave: null }, null);
    expect(later.text).not.toContain('Clave del prepago');
    expect(later.text).toContain('la clave que le enviamos con su primer pago');
  });
});

describe('the mailer look-back bound', () => {
  it('is below every UUIDv7 made from that moment on and above those made before', () => {
    const at = Date.UTC(2026, 11, 3, 15, 0, 0);
    const floor = uuidv7Floor(new Date(at));
    const compare = (a: string, b: string) =>
      Buffer.compare(Buffer.from(a.replaceAll('-', ''), 'hex'), Buffer.from(b.replaceAll('-', ''), 'hex'));
    for (let i = 0; i < 50; i += 1) {
      expect(compare(uuidv7({ msecs: at + i }), floor)).toBeGreaterThanOrEqual(0);
      expect(compare(uuidv7({ msecs: at - 1 - i }), floor)).toBeLessThan(0);
    }
    expect(uuidv7Floor(null)).toBe('00000000-0000-0000-0000-000000000000');
  });
});
