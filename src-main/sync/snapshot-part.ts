import { createHash } from 'node:crypto';
import { SnapshotPartHeader } from '../../src-shared/server-api/snapshot-api';
import { MalformedPageError } from './replica-apply';

/** A part whose rows do not hash to what the server said: cut short or damaged on the way. */
export class SnapshotChecksumError extends Error {
  override readonly name = 'SnapshotChecksumError';
}

export interface SnapshotPart extends SnapshotPartHeader {
  readonly rows: unknown[];
}

const rowsMember = ',"rows":';
const answerEnd = '}}';

/**
 * Reads a snapshot part's answer (`{"ok":true,"value":{…header…,"rows":[…]}}`, written by
 * src-server/http/routes/sync-snapshot.ts with `rows` last): the rows' text is hashed exactly as
 * it arrived and compared with the header's `sha256` before anything is parsed or written. The
 * first `,"rows":` is the member itself: inside the header's strings a quote is escaped.
 */
export function readSnapshotPart(text: string): SnapshotPart {
  const at = text.indexOf(rowsMember);
  if (at < 0 || !text.endsWith(answerEnd)) throw new SnapshotChecksumError('parte incompleta');
  let header: SnapshotPartHeader;
  try {
    const envelope = JSON.parse(`${text.slice(0, at)}${answerEnd}`) as { value?: unknown };
    header = SnapshotPartHeader.parse(envelope.value);
  } catch {
    throw new SnapshotChecksumError('encabezado ilegible');
  }
  const rowsText = text.slice(at + rowsMember.length, -answerEnd.length);
  if (createHash('sha256').update(rowsText).digest('hex') !== header.sha256)
    throw new SnapshotChecksumError('la suma de verificación no coincide');
  let rows: unknown;
  try {
    rows = JSON.parse(rowsText);
  } catch {
    throw new MalformedPageError('filas ilegibles');
  }
  if (!Array.isArray(rows) || rows.length !== header.count) throw new MalformedPageError('número de filas distinto');
  return { ...header, rows };
}
