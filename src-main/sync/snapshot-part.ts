import { createHash } from 'node:crypto';
import { SnapshotPartHeader } from '../../src-shared/server-api/snapshot-api';
import { MalformedPageError } from './replica-apply';

/** A part whose rows do not hash to what the server said: cut short or damaged on the way. */
export class SnapshotChecksumError extends Error {
  override readonly name = 'SnapshotChecksumError';
}

const rowsMember = ',"rows":';
const answerEnd = '}}';

/** A part whose rows hashed to what the server said, not parsed yet. */
export interface CheckedSnapshotPart extends SnapshotPartHeader {
  readonly rowsText: string;
}

/**
 * Checks a snapshot part's answer (`{"ok":true,"value":{…header…,"rows":[…]}}`, written by
 * src-server/http/routes/sync-snapshot.ts with `rows` last): the rows' text is hashed exactly as
 * it arrived and compared with the header's `sha256` before anything is parsed or written. The
 * first `,"rows":` is the member itself: inside the header's strings a quote is escaped. Cheap
 * next to parsing the rows (`parseSnapshotRows`), so the next part is asked for between the two.
 */
export function checkSnapshotPart(text: string): CheckedSnapshotPart {
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
  return { ...header, rowsText };
}

/** The rows of a checked part; MalformedPageError when they are not the header's count of rows. */
export function parseSnapshotRows(part: CheckedSnapshotPart): unknown[] {
  let rows: unknown;
  try {
    rows = JSON.parse(part.rowsText);
  } catch {
    throw new MalformedPageError('filas ilegibles');
  }
  if (!Array.isArray(rows) || rows.length !== part.count) throw new MalformedPageError('número de filas distinto');
  return rows;
}
