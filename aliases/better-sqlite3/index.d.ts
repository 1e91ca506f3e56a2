// The fork's types under the name drizzle-orm's driver types import.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the fork's types are `export =`; this is how they re-export
import Database = require('better-sqlite3-multiple-ciphers');
export = Database;
