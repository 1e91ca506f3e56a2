import type { ApiError } from '../../src-shared/api/result';
import { useServerCall, type ServerCall } from '../api/useServerCall';
import { walletOfflineText } from './wallet-words';

/** The server's sentence, except without it: then the wallet's own, which says what to do instead. */
export const walletProblem = (error: ApiError): ApiError =>
  error.code === 'offline' ? { code: 'offline', message: walletOfflineText } : error;

/**
 * Calls a wallet operation with busy and problem state for the screen. Every wallet operation
 * needs the central server; without it the citizen reads that plainly (walletOfflineText).
 */
export function useWalletCall(): ServerCall {
  return useServerCall(walletProblem);
}
