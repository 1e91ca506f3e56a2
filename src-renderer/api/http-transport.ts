import type { Transport } from '../../src-shared/api/client';
import { err } from '../../src-shared/api/result';
import { apiPath, tokenHeader } from '../../src-shared/api/web-protocol';
import { DocumentTicket, returnsDocument } from '../../src-shared/api/web-documents';
import { fetchDocument } from './fetch-document';
import { hostMessages } from './host-messages';
import { parseResultEnvelope } from './result-envelope';

export interface HttpTransportOptions {
  readonly token: string;
  /** Called once per refused call so the app can replace the screen with an explanation. */
  readonly onUnauthorized: () => void;
  readonly fetch?: typeof fetch;
}

/**
 * The web host: `POST /api/<op>` with the input as JSON and the per-start token in a header. An
 * operation that returns a document answers a ticket; its bytes come from `GET /documents/<id>`.
 */
export function createHttpTransport({
  token,
  onUnauthorized,
  fetch: fetchImpl = fetch,
}: HttpTransportOptions): Transport {
  return {
    async invoke(op, input) {
      let response: Response;
      try {
        response = await fetchImpl(apiPath(op), {
          method: 'POST',
          headers: { 'content-type': 'application/json', [tokenHeader]: token },
          body: JSON.stringify(input ?? {}),
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
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return err('internal', hostMessages.unexpected);
      }
      const result = parseResultEnvelope(body) ?? err('internal', hostMessages.unexpected);
      if (!result.ok || !returnsDocument(op)) return result;
      const ticket = DocumentTicket.safeParse(result.value);
      if (!ticket.success) return err('internal', hostMessages.unexpected);
      return fetchDocument(ticket.data, token, fetchImpl, onUnauthorized);
    },
  };
}
