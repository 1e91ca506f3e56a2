import { groupTags, type IppAttribute, type IppResponse, type IppValue } from './ipp-encoding';

/** The operations the dispenser uses (RFC 8011 §5.4.15). */
export const ippOperations = {
  printJob: 0x0002,
  cancelJob: 0x0008,
  getJobAttributes: 0x0009,
  getPrinterAttributes: 0x000b,
} as const;

/** printer-state (RFC 8011 §5.4.11). */
export const printerStates = { idle: 3, processing: 4, stopped: 5 } as const;

/** job-state (RFC 8011 §5.3.7): 3–6 on the way, 7–9 the end. */
export const jobStates = {
  pending: 3,
  pendingHeld: 4,
  processing: 5,
  processingStopped: 6,
  canceled: 7,
  aborted: 8,
  completed: 9,
} as const;

const jobStateNames: Readonly<Record<number, string>> = {
  3: 'pending',
  4: 'pending-held',
  5: 'processing',
  6: 'processing-stopped',
  7: 'canceled',
  8: 'aborted',
  9: 'completed',
};

export function jobStateName(state: number): string {
  return jobStateNames[state] ?? `job-state ${String(state)}`;
}

/** Status codes worth a name in a log line (RFC 8011 §B; CUPS's own are 0x04xx and 0x05xx too). */
const statusNames: Readonly<Record<number, string>> = {
  0x0000: 'successful-ok',
  0x0001: 'successful-ok-ignored-or-substituted-attributes',
  0x0002: 'successful-ok-conflicting-attributes',
  0x0400: 'client-error-bad-request',
  0x0401: 'client-error-forbidden',
  0x0402: 'client-error-not-authenticated',
  0x0403: 'client-error-not-authorized',
  0x0404: 'client-error-not-possible',
  0x0405: 'client-error-timeout',
  0x0406: 'client-error-not-found',
  0x0407: 'client-error-gone',
  0x0408: 'client-error-request-entity-too-large',
  0x040a: 'client-error-document-format-not-supported',
  0x040b: 'client-error-attributes-or-values-not-supported',
  0x0500: 'server-error-internal-error',
  0x0501: 'server-error-operation-not-supported',
  0x0502: 'server-error-service-unavailable',
  0x0503: 'server-error-version-not-supported',
  0x0504: 'server-error-device-error',
  0x0505: 'server-error-temporary-error',
  0x0506: 'server-error-not-accepting-jobs',
  0x0507: 'server-error-busy',
  0x0508: 'server-error-job-canceled',
};

export const statusCodes = { notFound: 0x0406, notAcceptingJobs: 0x0506 } as const;

export function statusName(code: number): string {
  return statusNames[code] ?? `status 0x${code.toString(16).padStart(4, '0')}`;
}

export const isSuccessful = (code: number): boolean => code >= 0x0000 && code <= 0x00ff;

/** The first attribute of that name in the first group of that kind. */
export function findAttribute(response: IppResponse, groupTag: number, name: string): IppAttribute | null {
  for (const group of response.groups) {
    if (group.tag !== groupTag) continue;
    const found = group.attributes.find((attribute) => attribute.name === name);
    if (found !== undefined) return found;
  }
  return null;
}

export function integerOf(attribute: IppAttribute | null): number | null {
  const first = attribute?.values[0];
  return first?.kind === 'integer' ? first.value : null;
}

export function booleanOf(attribute: IppAttribute | null): boolean | null {
  const first = attribute?.values[0];
  return first?.kind === 'boolean' ? first.value : null;
}

/** Every string value (a 1setOf keyword such as printer-state-reasons). */
export function stringsOf(attribute: IppAttribute | null): string[] {
  return (attribute?.values ?? []).flatMap((value: IppValue) =>
    value.kind === 'string' || value.kind === 'string-with-language' ? [value.value] : [],
  );
}

/** The status-message CUPS puts in the operation group of an error ("The printer or class does not exist."). */
export function statusMessageOf(response: IppResponse): string | null {
  return stringsOf(findAttribute(response, groupTags.operation, 'status-message'))[0] ?? null;
}
