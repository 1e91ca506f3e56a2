import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import {
  attachmentsInTemp,
  cameraSecret,
  hasExifBlock,
  hasGpsTag,
  pngChunkTypes,
  pngWithTextChunks,
  sidewaysJpegWithGps,
  xmpSecret,
} from '../../support/attachment-fixtures';

/**
 * Photos a citizen attaches are kept without what they say about the citizen (where, with what
 * phone, by whom), still upright, and as the type their bytes are, whatever they were called.
 * Each stored file is read back from the disk, with sharp and as raw bytes.
 */

const setup = attachmentsInTemp('attachments-images');
afterAll(() => setup.remove());
const { attachments } = setup;

function storedBytes(sha256: string): Buffer {
  const file = attachments.store.pathOf(sha256);
  if (file === null) throw new Error('not a hash');
  return readFileSync(file);
}

/** The colour at a pixel, as [r, g, b]. */
async function pixel(image: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + 3)];
}

describe('ticket attachments: images', () => {
  it('stores a JPEG without its EXIF, GPS position and XMP, turned upright by its EXIF orientation', async () => {
    const photo = await sidewaysJpegWithGps();
    // The photo as sent carries all of it, so the checks below can fail.
    const sent = await sharp(photo).metadata();
    expect(sent).toMatchObject({ orientation: 6, width: 40, height: 20 });
    expect(hasGpsTag(photo) && hasExifBlock(photo)).toBe(true);
    expect(photo.toString('latin1')).toContain(cameraSecret);
    expect(photo.toString('latin1')).toContain(xmpSecret);

    const result = await attachments.accept([{ name: 'IMG_20261203_101500.jpg', bytes: photo }]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [stored] = result.value;
    expect(stored).toMatchObject({ type: 'jpeg', contentType: 'image/jpeg', displayName: 'IMG_20261203_101500.jpg' });

    const kept = storedBytes(stored!.sha256);
    const metadata = await sharp(kept).metadata();
    expect(metadata.format).toBe('jpeg');
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect(hasExifBlock(kept)).toBe(false);
    expect(hasGpsTag(kept)).toBe(false);
    expect(kept.toString('latin1')).not.toContain(cameraSecret);
    expect(kept.toString('latin1')).not.toContain(xmpSecret);
    expect(kept.toString('latin1')).not.toContain('GPS');
    // Upright: 20 wide, 40 high, the left half of the sensor (red) now on top.
    expect({ width: metadata.width, height: metadata.height }).toEqual({ width: 20, height: 40 });
    const top = await pixel(kept, 10, 8);
    const bottom = await pixel(kept, 10, 32);
    expect(top[0]).toBeGreaterThan(200);
    expect(top[2]).toBeLessThan(60);
    expect(bottom[2]).toBeGreaterThan(200);
    expect(bottom[0]).toBeLessThan(60);
  });

  it('stores a PNG without its text chunks', async () => {
    const secret = 'Juan Pérez, cédula 1.110.456.789';
    const png = await pngWithTextChunks(secret);
    expect(pngChunkTypes(png)).toEqual(expect.arrayContaining(['tEXt', 'iTXt']));
    expect((await sharp(png).metadata()).comments?.length).toBe(2);

    const result = await attachments.accept([{ name: 'captura.png', bytes: png }]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const kept = storedBytes(result.value[0]!.sha256);
    const chunks = pngChunkTypes(kept);
    expect(chunks[0]).toBe('IHDR');
    expect(chunks.at(-1)).toBe('IEND');
    expect(chunks.filter((type) => ['tEXt', 'iTXt', 'zTXt', 'eXIf', 'iCCP'].includes(type))).toEqual([]);
    expect(kept.toString('latin1')).not.toContain('Juan');
    expect(Buffer.from(kept).includes(Buffer.from('Juan', 'utf8'))).toBe(false);
    expect((await sharp(kept).metadata()).comments).toBeUndefined();
    expect(await pixel(kept, 8, 8)).toEqual([0, 255, 0]);
  });

  it('stores a JPEG renamed .png as a JPEG named .jpg', async () => {
    const photo = await sidewaysJpegWithGps();
    const result = await attachments.accept([{ name: 'recibo.png', bytes: photo }]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value[0]).toMatchObject({ type: 'jpeg', contentType: 'image/jpeg', displayName: 'recibo.jpg' });
    expect((await sharp(storedBytes(result.value[0]!.sha256)).metadata()).format).toBe('jpeg');
  });

  it('refuses WebP unless configuration allows it, and then strips its EXIF too', async () => {
    const webp = await sharp(await sidewaysJpegWithGps())
      .webp()
      .keepMetadata()
      .toBuffer();
    expect((await sharp(webp).metadata()).exif).toBeDefined();

    const refused = await attachments.accept([{ name: 'foto.webp', bytes: webp }]);
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'validation',
        field: 'attachments',
        message:
          '«foto.webp» no es un archivo PDF, JPEG o PNG. Adjunte documentos en PDF y fotos o capturas de pantalla en JPEG o PNG.',
      },
    });

    const withWebp = attachmentsInTemp('attachments-webp', { allowedTypes: ['pdf', 'jpeg', 'png', 'webp'] });
    try {
      const result = await withWebp.attachments.accept([{ name: 'foto.webp', bytes: webp }]);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value[0]).toMatchObject({ type: 'webp', contentType: 'image/webp' });
      const file = withWebp.attachments.store.pathOf(result.value[0]!.sha256)!;
      const kept = readFileSync(file);
      const metadata = await sharp(kept).metadata();
      expect(metadata).toMatchObject({ format: 'webp', width: 20, height: 40 });
      expect(metadata.exif).toBeUndefined();
      expect(metadata.xmp).toBeUndefined();
      expect(kept.toString('latin1')).not.toContain(cameraSecret);
      expect(hasGpsTag(kept)).toBe(false);
    } finally {
      withWebp.remove();
    }
  });

  it('refuses a photo cut short in transit', async () => {
    const photo = await sharp({
      create: {
        width: 400,
        height: 300,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 40 },
      },
    })
      .jpeg()
      .toBuffer();
    const cut = photo.subarray(0, Math.floor(photo.length / 2));
    const result = await attachments.accept([{ name: 'foto.jpg', bytes: cut }]);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'validation',
        field: 'attachments',
        message:
          'No se pudo leer la imagen «foto.jpg»: está dañada o incompleta. Tómela o expórtela de nuevo y adjúntela otra vez.',
      },
    });
  });

  it('refuses an image over the pixel limit before decoding it', async () => {
    const small = attachmentsInTemp('attachments-pixels', { maxPixels: 1_000_000 });
    try {
      const big = await sharp({ create: { width: 1100, height: 1000, channels: 3, background: '#ffffff' } })
        .png()
        .toBuffer();
      const result = await small.attachments.accept([{ name: 'plano.png', bytes: big }]);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.message).toBe(
        'La imagen «plano.png» es demasiado grande (1100 × 1000 píxeles); el máximo es 1.000.000 píxeles en total. ' +
          'Redúzcala e inténtelo de nuevo.',
      );
      const fits = await sharp({ create: { width: 1000, height: 1000, channels: 3, background: '#ffffff' } })
        .png()
        .toBuffer();
      expect((await small.attachments.accept([{ name: 'plano.png', bytes: fits }])).ok).toBe(true);
    } finally {
      small.remove();
    }
  });
});
