import { request } from 'undici';
import { decodeResponse, encodeRequest, type IppRequest, type IppResponse } from './ipp-encoding';

/**
 * How one IPP exchange ended. The line between `unreachable` and `lost` is the one money cares
 * about: a Print-Job that never reached the scheduler can be refunded; one that reached it and
 * then went quiet may still come out of the tray.
 */
export type IppExchange =
  | { readonly kind: 'answer'; readonly response: IppResponse }
  /** The HTTP server answered with an error before any IPP (401, 403, 426, 500…): nothing was done. */
  | { readonly kind: 'refused'; readonly detail: string }
  /** The request never reached the server (connection refused, no route, name unknown). */
  | { readonly kind: 'unreachable'; readonly detail: string }
  /** Sent, and then no readable answer within the time limit: the server may have acted on it. */
  | { readonly kind: 'lost'; readonly detail: string };

/** An IPP answer is a few kilobytes; a server that sends more is not one we understand. */
const MAX_RESPONSE_BYTES = 1_048_576;

/** Errors that mean the request never left this machine (Node's and undici's codes). */
const notSentCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * The HTTP address an IPP URI is posted to (RFC 8010 §4: `ipp` is HTTP on port 631, `ipps` is
 * HTTPS on port 631). Null for anything else.
 */
export function httpUrlOf(printerUri: string): URL | null {
  let uri: URL;
  try {
    uri = new URL(printerUri);
  } catch {
    return null;
  }
  const scheme = { 'ipp:': 'http:', 'ipps:': 'https:', 'http:': 'http:', 'https:': 'https:' }[uri.protocol];
  if (scheme === undefined || uri.hostname === '') return null;
  const port = uri.port === '' && (uri.protocol === 'ipp:' || uri.protocol === 'ipps:') ? '631' : uri.port;
  const url = new URL(`${scheme}//${uri.host}${uri.pathname}`);
  url.port = port;
  return url;
}

/**
 * Posts one IPP request (`Content-Type: application/ipp`) with undici and reads the answer.
 * Each exchange has a connection of its own (`reset`): the scheduler closes idle keep-alive
 * connections, and a Print-Job written into one it just closed would end as `lost` — a
 * certificate in doubt — for no reason but the reuse. Never throws.
 */
export async function exchangeIpp(url: URL, message: IppRequest, timeoutMs: number): Promise<IppExchange> {
  let body: Uint8Array;
  try {
    body = encodeRequest(message);
  } catch (error) {
    return { kind: 'unreachable', detail: `request not encoded: ${describeError(error)}` };
  }
  try {
    const answer = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/ipp', accept: 'application/ipp' },
      body,
      reset: true,
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (answer.statusCode !== 200) {
      await answer.body.dump();
      return { kind: 'refused', detail: `HTTP ${String(answer.statusCode)}` };
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of answer.body as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > MAX_RESPONSE_BYTES) {
        answer.body.destroy();
        return { kind: 'lost', detail: `answer longer than ${String(MAX_RESPONSE_BYTES)} bytes` };
      }
      chunks.push(chunk);
    }
    const decoded = decodeResponse(Buffer.concat(chunks));
    if (!decoded.ok) return { kind: 'lost', detail: `unreadable IPP answer: ${decoded.reason}` };
    return { kind: 'answer', response: decoded.response };
  } catch (error) {
    const detail = describeError(error);
    return notSentCodes.has(errorCode(error) ?? '') ? { kind: 'unreachable', detail } : { kind: 'lost', detail };
  }
}

/** undici wraps the socket's error; the code may be on the error or on its cause. */
function errorCode(error: unknown): string | null {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 4; depth += 1) {
    const code = (current as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && notSentCodes.has(code)) return code;
    current = current.cause;
  }
  return null;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.name}${typeof code === 'string' ? ` ${code}` : ''}: ${error.message}${cause}`;
}
