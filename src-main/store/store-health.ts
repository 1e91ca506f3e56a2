import type Database from 'better-sqlite3-multiple-ciphers';
import { StoreError } from './store-error';

/**
 * Refuses a damaged store before anything writes to it. quick_check reads every page but skips
 * index cross-checks: seconds at a million rows, which start-up can afford once; a damaged
 * store must not take more money.
 */
export function checkHealth(sqlite: Database.Database, file: string): void {
  let verdict: unknown;
  try {
    verdict = sqlite.pragma('quick_check', { simple: true });
  } catch (cause) {
    throw new StoreError('corrupt', corruptMessage(file), { cause });
  }
  if (verdict !== 'ok') throw new StoreError('corrupt', corruptMessage(file));
}

export const corruptMessage = (file: string): string =>
  `La base de datos local ${file} está dañada o no es una base de datos de Ventanilla. ` +
  'Ventanilla no la modificó. Avise a soporte técnico: el archivo debe revisarse o restaurarse desde el servidor central.';
