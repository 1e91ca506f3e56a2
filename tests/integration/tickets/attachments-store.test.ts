import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanDisplayName } from '../../../src-server/tickets/attachments';
import { attachmentsInTemp, plainPdf, sidewaysJpegWithGps } from '../../support/attachment-fixtures';

/**
 * The files on disk: one per distinct content, where its hash says, whatever the citizen named
 * it; a damaged one is found before a byte of it is served; limits refuse before storing.
 */

let setup: ReturnType<typeof attachmentsInTemp>;
beforeEach(() => {
  setup = attachmentsInTemp('attachments-store', { maxBytes: 200_000, maxCount: 3, maxPerTicket: 5 });
});
afterEach(() => setup.remove());

/** Every file under a folder, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('ticket attachments: the store', () => {
  it('keeps a PDF under attachments/ab/cd/<sha256>, owner-only, with no temporary file left', async () => {
    const bytes = await (await plainPdf()).bytes();
    const result = await setup.attachments.accept([{ name: 'a.pdf', bytes }]);
    expect(result.ok).toBe(true);
    const hash = sha256(bytes);
    expect(result.ok && result.value[0]!.sha256).toBe(hash);
    expect(filesUnder(setup.root)).toEqual([path.join('attachments', hash.slice(0, 2), hash.slice(2, 4), hash)]);
    const file = path.join(setup.dir, hash.slice(0, 2), hash.slice(2, 4), hash);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
  });

  it('keeps the same bytes once, sent twice in one submission or in two', async () => {
    const bytes = await (await plainPdf()).bytes();
    const first = await setup.attachments.accept([
      { name: 'copia 1.pdf', bytes },
      { name: 'copia 2.pdf', bytes },
    ]);
    const second = await setup.attachments.accept([{ name: 'otra vez.pdf', bytes }]);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(new Set([...first.value, ...second.value].map((a) => a.sha256))).toEqual(new Set([sha256(bytes)]));
    expect([...first.value, ...second.value].map((a) => a.displayName)).toEqual([
      'copia 1.pdf',
      'copia 2.pdf',
      'otra vez.pdf',
    ]);
    expect(filesUnder(setup.dir)).toHaveLength(1);
    expect((await setup.attachments.store.put(bytes)).ok && (await setup.attachments.store.put(bytes))).toMatchObject({
      ok: true,
      value: { created: false },
    });
  });

  it('finds a damaged stored file before serving it, and the same upload again repairs it', async () => {
    const bytes = await (await plainPdf()).bytes();
    const put = await setup.attachments.store.put(bytes);
    expect(put.ok).toBe(true);
    if (!put.ok) return;
    const file = setup.attachments.store.pathOf(put.value.sha256)!;
    const intact = await setup.attachments.store.open(put.value.sha256);
    expect(intact.ok).toBe(true);
    if (intact.ok) intact.value.stream.destroy();

    const damaged = Buffer.from(bytes);
    damaged[Math.floor(damaged.length / 2)]! ^= 0x01;
    writeFileSync(file, damaged);
    expect(await setup.attachments.store.open(put.value.sha256)).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message:
          'Este adjunto no se puede entregar: la copia guardada en el servidor está dañada. Avise a la entidad para que lo revise.',
      },
    });
    writeFileSync(file, bytes.subarray(0, 100));
    expect((await setup.attachments.store.open(put.value.sha256)).ok).toBe(false);

    expect(await setup.attachments.store.put(bytes)).toMatchObject({ ok: true, value: { created: true } });
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect((await setup.attachments.store.open(put.value.sha256)).ok).toBe(true);
  });

  it('never takes a path from a name: traversal names are display names only, and bad hashes find nothing', async () => {
    const bytes = await (await plainPdf()).bytes();
    const names = [
      '../../../../etc/passwd.pdf',
      '..\\..\\Windows\\System32\\drivers\\etc\\hosts.pdf',
      '/srv/ventanilla/.data/server/pglite/PG_VERSION',
      '....//....//x.pdf',
      'C:\\fakepath\\informe.pdf',
    ];
    const result = await setup.attachments.accept(names.slice(0, 3).map((name) => ({ name, bytes })));
    const more = await setup.attachments.accept(names.slice(3).map((name) => ({ name, bytes })));
    expect(result.ok && more.ok).toBe(true);
    if (!result.ok || !more.ok) return;
    expect([...result.value, ...more.value].map((a) => a.displayName)).toEqual([
      'passwd.pdf',
      'hosts.pdf',
      'PG_VERSION.pdf',
      'x.pdf',
      'informe.pdf',
    ]);
    // Nothing outside attachments/, one file inside it.
    expect(readdirSync(setup.root)).toEqual(['attachments']);
    expect(filesUnder(setup.dir)).toHaveLength(1);

    for (const hash of ['../../../etc/passwd', '..', '', sha256(bytes).toUpperCase(), `${sha256(bytes)}/..`]) {
      expect(setup.attachments.store.pathOf(hash)).toBeNull();
      expect(await setup.attachments.store.open(hash)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
  });

  it('refuses more files than one submission or the ticket may carry, storing none of them', async () => {
    const pdfs = await Promise.all([1, 2, 3, 4].map(async () => (await plainPdf()).bytes()));
    const four = pdfs.map((bytes, i) => ({ name: `${i}.pdf`, bytes }));
    expect(await setup.attachments.accept(four)).toEqual({
      ok: false,
      error: {
        code: 'validation',
        field: 'attachments',
        message: 'Puede adjuntar hasta 3 archivos por envío; eligió 4. Quite 1 e inténtelo de nuevo.',
      },
    });
    expect(await setup.attachments.accept(four.slice(0, 2), 4)).toMatchObject({
      ok: false,
      error: { message: 'Este ticket ya tiene 4 adjuntos y admite 5: puede agregar 1 más.' },
    });
    expect(await setup.attachments.accept(four.slice(0, 1), 5)).toMatchObject({
      ok: false,
      error: { message: 'Este ticket ya tiene 5 adjuntos, el máximo. Escriba su mensaje sin adjuntos.' },
    });
    expect(filesUnder(setup.root)).toEqual([]);
    expect((await setup.attachments.accept(four.slice(0, 1), 4)).ok).toBe(true);
  });

  it('refuses a whole submission when one file is refused', async () => {
    const good = await sidewaysJpegWithGps();
    const result = await setup.attachments.accept([
      { name: 'foto.jpg', bytes: good },
      { name: 'programa.pdf', bytes: Buffer.from('MZ\x90\0') },
    ]);
    expect(result.ok).toBe(false);
    expect(filesUnder(setup.root)).toEqual([]);
  });

  it('refuses a file over the size limit, and an empty one', async () => {
    const pdf = await plainPdf({ objectStreams: false });
    pdf.doc.setSubject('x'.repeat(60_000));
    const big = await pdf.bytes();
    expect(big.length).toBeGreaterThan(200_000);
    expect(await setup.attachments.accept([{ name: 'grande.pdf', bytes: big }])).toEqual({
      ok: false,
      error: {
        code: 'validation',
        field: 'attachments',
        message:
          '«grande.pdf» pesa más de 0,2 MB, el máximo para un adjunto. Reduzca la foto o divida el documento e inténtelo de nuevo.',
      },
    });
    expect(await setup.attachments.accept([{ name: 'nada.pdf', bytes: Buffer.alloc(0) }])).toMatchObject({
      ok: false,
      error: { message: '«nada.pdf» está vacío. Elija el archivo de nuevo.' },
    });
    expect(filesUnder(setup.root)).toEqual([]);
  });

  it('reads an upload stream up to the limit and stops reading past it', async () => {
    let produced = 0;
    let closed = false;
    async function* endless(): AsyncGenerator<Buffer> {
      try {
        for (;;) {
          produced += 65_536;
          yield Buffer.alloc(65_536, 7);
        }
      } finally {
        closed = true;
      }
    }
    const stream = Readable.from(endless());
    const result = await setup.attachments.readUpload(stream, 'video.mp4');
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(result.ok || result.error.message.startsWith('«video.mp4» pesa más de 0,2 MB')).toBe(true);
    // 200,000 bytes fit in four 64 KiB chunks; Readable.from reads at most one more ahead.
    expect(produced).toBeLessThanOrEqual(6 * 65_536);
    expect(stream.destroyed).toBe(true);
    expect(closed).toBe(true);

    const exact = await setup.attachments.readUpload(Readable.from([Buffer.alloc(150_000), Buffer.alloc(50_000)]), 'x');
    expect(exact.ok && exact.value.length).toBe(200_000);
    const over = await setup.attachments.readUpload(Readable.from([Buffer.alloc(150_000), Buffer.alloc(50_001)]), 'x');
    expect(over.ok).toBe(false);
    expect((await setup.attachments.readUpload(Readable.from([]), 'x')).ok).toBe(false);
  });

  it('clears temporary files a crash left mid-write, once they are old', async () => {
    const bytes = await (await plainPdf()).bytes();
    const put = await setup.attachments.store.put(bytes);
    if (!put.ok) throw new Error('not stored');
    const folder = path.dirname(setup.attachments.store.pathOf(put.value.sha256)!);
    const stale = path.join(folder, `.${put.value.sha256}.abcdef.tmp`);
    const fresh = path.join(folder, `.${put.value.sha256}.123456.tmp`);
    writeFileSync(stale, bytes.subarray(0, 10));
    writeFileSync(fresh, bytes.subarray(0, 10));
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(stale, hourAgo, hourAgo);
    expect(await setup.attachments.store.removeStaleTemporaryFiles(600_000)).toBe(1);
    expect(readdirSync(folder).sort()).toEqual([path.basename(fresh), put.value.sha256].sort());
  });

  it('cleans display names: controls, CR/LF, bidi overrides, reserved characters, length, type', () => {
    expect(cleanDisplayName('factura\u202Efdp.exe', 'pdf')).toBe('facturafdp.pdf');
    expect(cleanDisplayName('a\r\nContent-Type: text/html\u0000.pdf', 'pdf')).toBe('html.pdf');
    expect(cleanDisplayName('acta "final": <v2>?.pdf', 'pdf')).toBe('acta _final__ _v2__.pdf');
    expect(cleanDisplayName('  ..oculto.PDF.  ', 'pdf')).toBe('oculto.PDF');
    expect(cleanDisplayName('foto.png', 'jpeg')).toBe('foto.jpg');
    expect(cleanDisplayName('foto.JPEG', 'jpeg')).toBe('foto.JPEG');
    expect(cleanDisplayName('CON.pdf', 'pdf')).toBe('CON_.pdf');
    expect(cleanDisplayName('\u0001\u0002', 'png')).toBe('adjunto.png');
    expect(cleanDisplayName('Cédula de ciudadanía – Ñoño 😀.pdf', 'pdf')).toBe('Cédula de ciudadanía – Ñoño 😀.pdf');
    const long = cleanDisplayName(`${'ñ'.repeat(300)}.pdf`, 'pdf');
    expect([...long]).toHaveLength(120);
    expect(long.endsWith('ñ.pdf')).toBe(true);
    for (const name of ['factura\u202Efdp.exe', ` ${'a.'.repeat(80)}pdf`, 'CON.pdf', `${'x'.repeat(130)}`]) {
      const once = cleanDisplayName(name, 'pdf');
      expect(cleanDisplayName(once, 'pdf')).toBe(once);
    }
  });
});
