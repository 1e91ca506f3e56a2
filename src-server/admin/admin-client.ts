import { Agent, fetch as undiciFetch } from 'undici';
import type { z } from 'zod';
import { isLoopbackHost } from '../../src-shared/server-api/loopback-host';
import type { NewEnrollmentCode } from '../devices/admin';
import { AdminDeviceValue, AdminEnrollmentCodeValue, AdminRevokeValue, ApiEnvelope } from '../http/wire';
import { FieldDeviceRoutesValue, RouteChangeValue, type RouteCommand } from '../devices/route-admin-values';
import { ImportOutcomeValue } from '../sync/event-import';
import { BankFileSummary } from '../wallet/bank-files/bank-file-summary';
import { PendingLiquidation } from '../wallet/bank-files/pending-liquidations';
import type { LocalAdminEndpoint } from './local-admin-file';

/** The admin command's side of the loopback admin routes (see `http/routes/admin.ts`). */

export class AdminRequestError extends Error {
  override readonly name = 'AdminRequestError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export function createEnrollmentCodeViaServer(endpoint: LocalAdminEndpoint, input: NewEnrollmentCode) {
  return call(endpoint, 'POST', '/admin/v1/enrollment-codes', AdminEnrollmentCodeValue, input);
}

export function listDevicesViaServer(endpoint: LocalAdminEndpoint) {
  return call(endpoint, 'GET', '/admin/v1/devices', AdminDeviceValue.array());
}

export function revokeDeviceViaServer(endpoint: LocalAdminEndpoint, deviceId: string) {
  return call(endpoint, 'POST', `/admin/v1/devices/${encodeURIComponent(deviceId)}/revoke`, AdminRevokeValue);
}

/** `fileJson` is the export file as parsed JSON; the server checks it. */
export function importEventsViaServer(endpoint: LocalAdminEndpoint, fileJson: unknown) {
  return call(endpoint, 'POST', '/admin/v1/event-imports', ImportOutcomeValue, fileJson);
}

/** A bank's Asobancaria file, imported by the running server (its text; the server checks it). */
export function importBankFileViaServer(endpoint: LocalAdminEndpoint, file: { fileName: string; text: string }) {
  return call(endpoint, 'POST', '/admin/v1/bank-files', BankFileSummary, file, 600_000);
}

export function pendingLiquidationsViaServer(endpoint: LocalAdminEndpoint) {
  return call(endpoint, 'GET', '/admin/v1/liquidations/pending', PendingLiquidation.array());
}

export function changeRoutesViaServer(
  endpoint: LocalAdminEndpoint,
  action: 'assign' | 'unassign',
  command: RouteCommand,
) {
  return call(endpoint, 'POST', `/admin/v1/routes/${action}`, RouteChangeValue, command);
}

export function listRoutesViaServer(endpoint: LocalAdminEndpoint, device?: string) {
  const query = device === undefined ? '' : `?device=${encodeURIComponent(device)}`;
  return call(endpoint, 'GET', `/admin/v1/routes${query}`, FieldDeviceRoutesValue.array());
}

/** True when a server answers at the file's URL; a file left by a crashed server does not. */
export async function isServerAnswering(endpoint: LocalAdminEndpoint): Promise<boolean> {
  try {
    const response = await adminFetch(new URL('/health', endpoint.url), { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

async function call<T extends z.ZodType>(
  endpoint: LocalAdminEndpoint,
  method: 'GET' | 'POST',
  route: string,
  value: T,
  body?: unknown,
  /** A large bank file takes minutes to reconcile; everything else answers in seconds. */
  timeoutMs = 30_000,
): Promise<z.output<T>> {
  const response = await adminFetch(new URL(route, endpoint.url), {
    method,
    headers: {
      authorization: `Bearer ${endpoint.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const unexpected = () =>
    new AdminRequestError(`El servidor respondió algo inesperado (HTTP ${response.status}).`, 'internal');
  const parsed = ApiEnvelope.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw unexpected();
  if (!parsed.data.ok) throw new AdminRequestError(parsed.data.error.message, parsed.data.error.code);
  const result = value.safeParse(parsed.data.value);
  if (!result.success) throw unexpected();
  return result.data;
}

/**
 * The admin file's URL is this machine's loopback address. A server that serves TLS presents a
 * certificate for its public name, often signed by a CA this machine does not hold, so it is
 * not checked here: bytes to loopback never leave the machine, and the token comes from a file
 * only the server's user can read, the same trust as plain HTTP on loopback. Anything but
 * loopback is refused outright.
 */
const loopbackTls = new Agent({ connect: { rejectUnauthorized: false } });

async function adminFetch(
  url: URL,
  init: { method?: string; headers?: Record<string, string>; body?: string | undefined; signal: AbortSignal },
): Promise<{ readonly ok: boolean; readonly status: number; json(): Promise<unknown> }> {
  if (!isLoopbackHost(url.hostname)) {
    throw new AdminRequestError(
      `El archivo de administración local apunta a ${url.hostname}, que no es este equipo.`,
      'forbidden',
    );
  }
  // undici's own fetch with its own Agent: Node's bundled fetch cannot take an npm undici Agent.
  return url.protocol === 'https:' ? undiciFetch(url, { ...init, dispatcher: loopbackTls }) : fetch(url, init);
}
