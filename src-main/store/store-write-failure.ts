import Database from 'better-sqlite3-multiple-ciphers';

/** Why the store could not take a write: no space left, or a disk that refused it. */
export type StoreWriteFailure = 'disk-full' | 'disk-error';

/**
 * Tells a write the disk could not take from any other error. SQLITE_FULL (no room on the disk,
 * or the store's `max_page_count`) comes while pages are being found, before anything commits:
 * SQLite undoes the statement and better-sqlite3 rolls the transaction back, so nothing of the
 * change stays. SQLITE_IOERR_* (the disk refused a read, a write or an fsync) is less certain:
 * a failed fsync after the commit frame reached the WAL may still be recovered as committed at
 * the next start, so its words ask staff to look before doing it again.
 * Follows `cause`: drizzle wraps driver errors.
 */
export function storeWriteFailure(error: unknown): StoreWriteFailure | null {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth += 1) {
    if (current instanceof Database.SqliteError) {
      if (current.code === 'SQLITE_FULL') return 'disk-full';
      if (current.code.startsWith('SQLITE_IOERR')) return 'disk-error';
      return null;
    }
    current = current.cause;
  }
  return null;
}

/** What staff see when an operation could not be written; the operation's own words when it has them. */
export const storeWriteMessages: Record<StoreWriteFailure, string> = {
  'disk-full':
    'El disco de este equipo está lleno: la operación NO se registró y nada quedó a medias. ' +
    'Avise a soporte técnico para liberar espacio y vuelva a intentarlo.',
  'disk-error':
    'Este equipo no pudo escribir en su disco (puede estar fallando): la operación quizá no se registró. ' +
    'Revise si quedó hecha antes de repetirla y avise a soporte técnico.',
};
