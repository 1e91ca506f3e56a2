import type { DocumentFile } from '../../src-shared/api/document';
import { err, ok, type Result } from '../../src-shared/api/result';
import { documentPath, type DocumentTicket } from '../../src-shared/api/web-documents';
import { tokenHeader } from '../../src-shared/api/web-protocol';
import { hostMessages } from './host-messages';

const gone = 'Ese documento ya no está disponible. Ábralo de nuevo.';

/**
 * The bytes of a document the web host answered with a ticket, from `GET /documents/<id>`
 * (once; the same token as the API). The ticket says the exact size, so a body announced
 * longer is refused before reading it, and one that runs longer is cut off at that size.
 */
export async function fetchDocument(
  ticket: DocumentTicket,
  token: string,
  fetchImpl: typeof fetch,
  onUnauthorized: () => void,
): Promise<Result<DocumentFile>> {
  let response: Response;
  try {
    response = await fetchImpl(documentPath(ticket.documentId), {
      method: 'GET',
      headers: { [tokenHeader]: token },
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch {
    return err('internal', hostMessages.unreachable);
  }
  if (response.status === 401) {
    onUnauthorized();
    return err('wrong-credentials', hostMessages.unauthorized);
  }
  if (response.status === 404) return err('not-found', gone);
  const declared = response.headers.get('content-length');
  if (!response.ok || response.body === null || (declared !== null && Number(declared) !== ticket.size)) {
    await response.body?.cancel();
    return err('internal', hostMessages.unexpected);
  }
  const bytes = await readExactly(response.body, ticket.size);
  if (bytes === null) return err('internal', hostMessages.unexpected);
  return ok({ fileName: ticket.fileName, contentType: ticket.contentType, bytes });
}

/** Reads a stream into one array of exactly `size` bytes; null when it is longer or shorter. */
export async function readExactly(body: ReadableStream<Uint8Array>, size: number): Promise<Uint8Array | null> {
  const bytes = new Uint8Array(size);
  const reader = body.getReader();
  let filled = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (filled + value.byteLength > size) {
        await reader.cancel();
        return null;
      }
      bytes.set(value, filled);
      filled += value.byteLength;
    }
  } catch {
    return null;
  } finally {
    reader.releaseLock();
  }
  return filled === size ? bytes : null;
}
