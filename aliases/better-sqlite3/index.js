'use strict';
// drizzle-orm/better-sqlite3 imports "better-sqlite3" when it loads, though Ventanilla hands it
// an open connection; that import must find the encrypting fork, never the plain library.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS re-export, as the fork itself is CommonJS
module.exports = require('better-sqlite3-multiple-ciphers');
