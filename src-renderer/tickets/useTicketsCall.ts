import type { OpName } from '../../src-shared/api/contract';
import type { ApiError } from '../../src-shared/api/result';
import { useServerCall, type ServerCall } from '../api/useServerCall';
import { ticketsOfflineText } from './ticket-words';

/** The server's sentence as it comes; without the server, the kiosk's own. */
const ticketsProblem = (error: ApiError, _op: OpName): ApiError =>
  error.code === 'offline' ? { code: 'offline', message: ticketsOfflineText } : error;

/** Calls a tickets operation with busy and problem state for the screen. */
export function useTicketsCall(): ServerCall {
  return useServerCall(ticketsProblem);
}
