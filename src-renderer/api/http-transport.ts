import type { Transport } from '../../src-shared/api/client';
import { err } from '../../src-shared/api/result';
import { apiPath, tokenHeader } from '../../src-shared/api/web-protocol';
import { hostMessages } from './host-messages';
import { parseResultEnvelope } from './result-envelope';

export interface HttpTransportOptions {
  readonly token: string;
  /** Called once per refused call so the app can replace the screen with an explanation. */
  readonly onUnauthorized: () => void;
  readonly fetch?: typeof fetch;
}

/** The web host: `POST /api/<op>` with the input as JSON and the per-start token in a header. */
export function createHttpTransport({ token, onUnauthorized, fetch: fetchImpl = fetch }: HttpTransportOptions): Transport {
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
      return parseResultEnvelope(body) ?? err('internal', hostMessages.unexpected);
    },
  };
}
