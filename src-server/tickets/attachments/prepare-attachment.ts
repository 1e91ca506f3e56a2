import { err, ok, type Result } from '../../../src-shared/api/result';
import { tooLarge, type AttachmentConfig } from './attachment-limits';
import { checkPdf } from './check-pdf';
import { cleanImage } from './clean-image';
import { cleanDisplayName } from './display-name';
import { contentTypeOf, sniffType, typeList, type AttachmentType } from './sniff-type';

/** A file as a citizen sent it: the name their device gave, and the bytes. */
export interface AttachmentUpload {
  readonly name: string;
  readonly bytes: Buffer;
}

/** A file ready to store: the bytes to keep (an image re-encoded, a PDF as sent) and what it is. */
export interface PreparedAttachment {
  readonly bytes: Buffer;
  readonly type: AttachmentType;
  readonly contentType: string;
  readonly displayName: string;
}

/**
 * Deflated data all of a PDF's streams may inflate to, as a multiple of the size limit (no less
 * than 64 MiB): text and vector pages deflate 3–8 times, scans (JPEG inside) not at all.
 */
const inflateRatio = 10;
const minInflateBudget = 64 * 1024 * 1024;

/**
 * Size, then type by the bytes, then the type's own check: an image decoded and encoded again
 * without its metadata (clean-image.ts), a PDF parsed and searched for active content
 * (check-pdf.ts). Each refusal is a Spanish message that names the file and says what to do.
 */
export async function prepareAttachment(
  upload: AttachmentUpload,
  config: Omit<AttachmentConfig, 'dir'>,
): Promise<Result<PreparedAttachment>> {
  const { bytes } = upload;
  const given = cleanDisplayName(upload.name, null);
  if (bytes.byteLength === 0)
    return err('validation', `«${given}» está vacío. Elija el archivo de nuevo.`, 'attachments');
  if (bytes.byteLength > config.maxBytes) return err('validation', tooLarge(given, config.maxBytes), 'attachments');
  const type = sniffType(bytes);
  if (type === null || !config.allowedTypes.includes(type)) {
    return err(
      'validation',
      `«${given}» no es un archivo ${typeList(config.allowedTypes)}. ${typeAdvice(config.allowedTypes)}`,
      'attachments',
    );
  }
  const displayName = cleanDisplayName(upload.name, type);
  if (type === 'pdf') {
    const budget = Math.max(minInflateBudget, inflateRatio * config.maxBytes);
    const checked = await checkPdf(bytes, given, budget);
    if (!checked.ok) return checked;
    return ok({ bytes, type, contentType: contentTypeOf[type], displayName });
  }
  const cleaned = await cleanImage(bytes, type, given, config.maxPixels);
  if (!cleaned.ok) return cleaned;
  return ok({ bytes: cleaned.value.bytes, type, contentType: contentTypeOf[type], displayName });
}

function typeAdvice(allowed: readonly AttachmentType[]): string {
  const images = typeList(allowed.filter((type) => type !== 'pdf'));
  if (!allowed.includes('pdf')) return `Adjunte fotos o capturas de pantalla en ${images}.`;
  return images === ''
    ? 'Adjunte documentos en PDF.'
    : `Adjunte documentos en PDF y fotos o capturas de pantalla en ${images}.`;
}

/**
 * Whether `adding` more files fit: at most `maxCount` in one submission (a new ticket, one
 * message) and `maxPerTicket` over the whole ticket, `alreadyOnTicket` included.
 */
export function checkAttachmentCount(
  adding: number,
  alreadyOnTicket: number,
  config: Pick<AttachmentConfig, 'maxCount' | 'maxPerTicket'>,
): Result<null> {
  if (adding > config.maxCount) {
    return err(
      'validation',
      `Puede adjuntar hasta ${config.maxCount} archivos por envío; eligió ${adding}. Quite ${adding - config.maxCount} ` +
        'e inténtelo de nuevo.',
      'attachments',
    );
  }
  if (alreadyOnTicket + adding > config.maxPerTicket) {
    const room = Math.max(0, config.maxPerTicket - alreadyOnTicket);
    return err(
      'validation',
      room === 0
        ? `Este ticket ya tiene ${alreadyOnTicket} adjuntos, el máximo. Escriba su mensaje sin adjuntos.`
        : `Este ticket ya tiene ${alreadyOnTicket} adjuntos y admite ${config.maxPerTicket}: puede agregar ${room} más.`,
      'attachments',
    );
  }
  return ok(null);
}
