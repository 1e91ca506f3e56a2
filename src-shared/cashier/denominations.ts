import { z } from 'zod';
import { formatCop, type Pesos } from '../domain/money';

/**
 * The Colombian bills and coins a cashier counts at the close (arqueo), largest first
 * (docs/domain/money-cop.md, «Bills and coins»). $ 1.000 is both a coin (since 2012) and an
 * older bill still taken: they sit in different trays, so each has its own row. A piece's `key`
 * is what a count is stored under; the numbers are the keys counts had before the coin's row.
 */
export const cashPieces = [
  { key: '100000', value: 100_000, kind: 'bill' },
  { key: '50000', value: 50_000, kind: 'bill' },
  { key: '20000', value: 20_000, kind: 'bill' },
  { key: '10000', value: 10_000, kind: 'bill' },
  { key: '5000', value: 5_000, kind: 'bill' },
  { key: '2000', value: 2_000, kind: 'bill' },
  { key: '1000', value: 1_000, kind: 'bill' },
  { key: '1000-moneda', value: 1_000, kind: 'coin' },
  { key: '500', value: 500, kind: 'coin' },
  { key: '200', value: 200, kind: 'coin' },
  { key: '100', value: 100, kind: 'coin' },
  { key: '50', value: 50, kind: 'coin' },
] as const satisfies readonly { key: string; value: Pesos; kind: 'bill' | 'coin' }[];
export type CashPiece = (typeof cashPieces)[number];
export type CashPieceKey = CashPiece['key'];

const pieceKeys = cashPieces.map((piece) => piece.key) as [CashPieceKey, ...CashPieceKey[]];
const valueOf = new Map<string, Pesos>(cashPieces.map((piece) => [piece.key, piece.value]));

/** Pieces counted per bill or coin; one not counted may be left out. */
export const CashCount = z.partialRecord(z.enum(pieceKeys), z.number().int().min(0).max(100_000));
export type CashCount = z.infer<typeof CashCount>;

export function countedCash(count: CashCount): Pesos {
  return Object.entries(count).reduce((sum, [key, pieces]) => sum + (valueOf.get(key) ?? 0) * (pieces ?? 0), 0);
}

/** `Billetes de $ 1.000`, `Monedas de $ 1.000`: a row of a count by piece. */
export const cashPieceLabel = (piece: CashPiece): string =>
  `${piece.kind === 'bill' ? 'Billetes' : 'Monedas'} de ${formatCop(piece.value).replace('\u00a0', ' ')}`;
