import type { OpName } from '../../src-shared/api/contract';
import type { ApiError } from '../../src-shared/api/result';
import { useServerCall, type ServerCall } from '../api/useServerCall';
import { certificatesOfflineText, redispenseOfflineText } from './certificate-words';

/**
 * The server's sentence as it comes (a balance too low says how much is missing and how to
 * recharge); without the server, the kiosk's own — except for a purchase left unanswered, whose
 * own sentence (the money may be held) is kept.
 */
const certificatesProblem = (error: ApiError, op: OpName): ApiError => {
  if (error.code !== 'offline' || op === 'certificates.purchase') return error;
  return {
    code: 'offline',
    message: op === 'certificates.redispense' ? redispenseOfflineText : certificatesOfflineText,
  };
};

/** Calls a certificates operation with busy and problem state for the screen. */
export function useCertificatesCall(): ServerCall {
  return useServerCall(certificatesProblem);
}
