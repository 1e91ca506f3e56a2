import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseUpdateRecord, type UpdateRecord } from './update-policy';

export interface UpdateRecordStore {
  read(): UpdateRecord;
  write(record: UpdateRecord): void;
}

/**
 * The update record in `<data dir>/update-state.json`, not in device_meta: it is read before the
 * store opens, so a new version whose store does not open still counts its failed start. Written
 * to a temporary file and renamed, so a power cut leaves the old record or the new one.
 */
export function updateRecordFile(dataDir: string): UpdateRecordStore {
  const file = path.join(dataDir, 'update-state.json');
  return {
    read() {
      try {
        return parseUpdateRecord(readFileSync(file, 'utf8'));
      } catch {
        return parseUpdateRecord(null);
      }
    },
    write(record) {
      const tmp = `${file}.tmp`;
      writeFileSync(tmp, JSON.stringify(record));
      renameSync(tmp, file);
    },
  };
}
