import { z } from 'zod';
import { contract, type OpName } from './contract';
import { DocumentFile, DocumentFileName, documentContentTypes } from './document';

/**
 * How the web host hands a document to its page. JSON carries no bytes: the operation's answer
 * is a ticket, and the page fetches the bytes once from `GET /documents/<id>` with the same
 * session token as the API (src-main/hosts/web/documents-route.ts). Over Electron's IPC the
 * document itself arrives, bytes and all; the renderer's client sees the same `DocumentFile`.
 */

/** Operations whose whole output is a document: the hosts move those as bytes. */
export function returnsDocument(op: OpName): boolean {
  const output: z.ZodType = contract[op].output;
  return output === DocumentFile;
}

export const documentPathPrefix = '/documents/';

/** 128 random bits, base64url: unguessable, and a page gets only the ids of its own calls. */
export const DocumentId = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

export const documentPath = (id: string): string => `${documentPathPrefix}${id}`;

/** What the web host answers in place of a document's bytes. */
export const DocumentTicket = z.object({
  documentId: DocumentId,
  fileName: DocumentFileName,
  contentType: z.enum(documentContentTypes),
  /** The exact length of the bytes: the page refuses a body longer than this before reading it whole. */
  size: z.number().int().nonnegative(),
});
export type DocumentTicket = z.infer<typeof DocumentTicket>;
