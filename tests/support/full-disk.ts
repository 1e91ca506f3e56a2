import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * A device store whose disk runs out of space, for real as far as SQLite can tell: SQLite's
 * `max_page_count` caps the file at a number of pages, and a write that needs one more page
 * gets SQLITE_FULL from SQLite's own pager, exactly as on a disk with no room left. The cap is
 * a setting of one connection, so it acts on the connection given (the app's own).
 *
 * Rows of `fault_disk_filler`, a table only tests create, stand for whatever else filled the
 * disk; `free()` removes them and lifts the cap, as support staff freeing space would.
 */
export class FullDisk {
  private readonly original: number;
  private readonly triggers: string[] = [];

  constructor(private readonly sqlite: Database.Database) {
    this.original = Number(sqlite.pragma('max_page_count', { simple: true }));
    sqlite.exec('CREATE TABLE IF NOT EXISTS fault_disk_filler (fill BLOB NOT NULL)');
  }

  /**
   * The disk fills up at the instant a row goes into `table`: in the same transaction,
   * something takes more than the room that is left (a temporary trigger writes 4 MB of filler
   * under a cap 64 pages above the file's size), so the statement that writes to `table` fails
   * with SQLITE_FULL after whatever the transaction wrote before it. Other writes still fit.
   */
  fillsAt(table: string): void {
    const name = `fault_disk_fills_at_${table}`;
    this.sqlite.exec(
      `CREATE TEMP TRIGGER ${name} BEFORE INSERT ON main.${table} BEGIN INSERT INTO main.fault_disk_filler (fill) VALUES (zeroblob(4000000)); END`,
    );
    this.triggers.push(name);
    this.cap(64);
  }

  /** Full now: the cap at the file's size and every free page taken, so any write that needs a page fails. */
  fillUp(): void {
    this.cap(0);
    const fill = this.sqlite.prepare('INSERT INTO fault_disk_filler (fill) VALUES (zeroblob(512))');
    for (let i = 0; i < 1_000_000; i += 1) {
      try {
        fill.run();
      } catch (error) {
        if ((error as { code?: unknown }).code === 'SQLITE_FULL') return;
        throw error;
      }
    }
    throw new Error('the disk never filled');
  }

  /** Space freed: the filler gone, the cap back where it was. */
  free(): void {
    for (const name of this.triggers.splice(0)) this.sqlite.exec(`DROP TRIGGER IF EXISTS temp.${name}`);
    this.sqlite.exec('DELETE FROM fault_disk_filler');
    this.sqlite.pragma(`max_page_count = ${this.original}`);
  }

  private cap(headroomPages: number): void {
    const pages = Number(this.sqlite.pragma('page_count', { simple: true }));
    this.sqlite.pragma(`max_page_count = ${pages + headroomPages}`);
  }
}
