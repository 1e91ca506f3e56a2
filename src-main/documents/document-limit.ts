import { isOpName } from '../../src-shared/api/contract';
import { isByteArray, megabytesInWords } from '../../src-shared/api/document';
import { err } from '../../src-shared/api/result';
import { returnsDocument } from '../../src-shared/api/web-documents';
import type { Dispatch } from '../api/dispatcher';
import type { Logger } from '../logger';

/**
 * Documents larger than `documents.maxBytes` (config-file.ts) do not reach the screen, in either
 * host: the page would have to hold them whole to draw them. Wraps the dispatcher, so a new
 * operation that returns a document is limited without a line of its own.
 */
export function limitDocuments(dispatch: Dispatch, maxBytes: number, log: Logger): Dispatch {
  return async (op, input) => {
    const result = await dispatch(op, input);
    if (!result.ok || !isOpName(op) || !returnsDocument(op)) return result;
    const bytes: unknown =
      typeof result.value === 'object' && result.value !== null ? Reflect.get(result.value, 'bytes') : undefined;
    const size = isByteArray(bytes) ? bytes.byteLength : 0;
    if (size <= maxBytes) return result;
    log.warn({ op, size, maxBytes }, 'document over the configured size not handed to the screen');
    return err(
      'validation',
      `El documento pesa ${megabytesInWords(size)} y este equipo muestra documentos de hasta ${megabytesInWords(maxBytes)}. Avise al personal de la oficina.`,
    );
  };
}
