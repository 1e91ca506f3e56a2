import sharp, { type Metadata } from 'sharp';
import { err, ok, type Result } from '../../../src-shared/api/result';
import type { ImageType } from './sniff-type';

/**
 * A photo from a citizen's phone carries where it was taken (EXIF GPS), the phone and often the
 * owner's name (EXIF, XMP, PNG text chunks); a support agent needs none of that. Every image is
 * decoded and encoded again by sharp (libvips), which writes no metadata unless asked to: what
 * is stored is the pixels only, in sRGB. The EXIF orientation is applied to the pixels first, so
 * a photo taken sideways still shows upright once the tag that said so is gone. Only the first
 * frame of an animated image is kept.
 */
export async function cleanImage(
  bytes: Buffer,
  type: ImageType,
  name: string,
  maxPixels: number,
): Promise<Result<{ readonly bytes: Buffer; readonly width: number; readonly height: number }>> {
  const damaged = err(
    'validation',
    `No se pudo leer la imagen «${name}»: está dañada o incompleta. Tómela o expórtela de nuevo y adjúntela otra vez.`,
    'attachments',
  );
  let metadata: Metadata;
  try {
    // Reads the headers only: the pixel count is known before any pixel is decoded.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return damaged;
  }
  // libvips picks its decoder from the bytes too; both must agree on what this is.
  if (metadata.format !== type) return damaged;
  const pixels = metadata.width * metadata.height;
  if (!(pixels > 0)) return damaged;
  if (pixels > maxPixels) {
    return err(
      'validation',
      `La imagen «${name}» es demasiado grande (${metadata.width} × ${metadata.height} píxeles); el máximo es ` +
        `${maxPixels.toLocaleString('es-CO')} píxeles en total. Redúzcala e inténtelo de nuevo.`,
      'attachments',
    );
  }
  try {
    // failOn 'error' refuses truncated and corrupt pixel data; libvips' warnings (extra bytes
    // before a marker, common from some cameras) are let through.
    const image = sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error', autoOrient: true });
    const encoded =
      type === 'jpeg'
        ? image.jpeg({ quality: 90 })
        : type === 'png'
          ? image.png({ palette: metadata.isPalette })
          : image.webp({ quality: 90 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return ok({ bytes: data, width: info.width, height: info.height });
  } catch {
    return damaged;
  }
}
