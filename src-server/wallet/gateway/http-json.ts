import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** A JSON answer and its status; the body is null when it was not JSON. */
export interface JsonAnswer {
  readonly status: number;
  readonly body: unknown;
}

export interface JsonRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly timeoutMs: number;
  /**
   * The certificate to trust for this one request: the server's own, when the demo gateway
   * posts to its own HTTPS listener on loopback (whose certificate names the public host).
   */
  readonly pinnedCertificate?: string | Buffer;
}

/**
 * One HTTP(S) request with a deadline, over node's own client so a pinned certificate can be
 * trusted per request. Network failures reject; any status resolves.
 */
export function requestJson(req: JsonRequest): Promise<JsonAnswer> {
  const url = new URL(req.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const tls =
    url.protocol === 'https:' && req.pinnedCertificate !== undefined
      ? {
          ca: req.pinnedCertificate,
          // The pinned certificate is trusted as it is, though an authority signed it (Node ≥ 20.18),
          // and names the public host rather than loopback: trusting exactly it is the check.
          allowPartialTrustChain: true,
          checkServerIdentity: () => undefined,
        }
      : {};
  return new Promise((resolve, reject) => {
    const outgoing = send(
      url,
      {
        method: req.method,
        headers: {
          accept: 'application/json',
          ...(req.body === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(req.body)) }),
          ...req.headers,
        },
        timeout: req.timeoutMs,
        ...tls,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          // An answer this large is not the gateway's: stop reading it.
          if (size > 1_000_000) response.destroy(new Error('answer too large'));
          else chunks.push(chunk);
        });
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = null;
          try {
            body = text === '' ? null : JSON.parse(text);
          } catch {
            body = null;
          }
          resolve({ status: response.statusCode ?? 0, body });
        });
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${req.timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}
