import { compareSemver, isSemver } from '../../src-shared/server-api/update-feed';

/**
 * When the device updates itself (docs/updates.md), as pure decisions the Electron adapter
 * (src-main/electron/auto-update.ts) asks and obeys. Downloads happen in the background at any
 * time; installing restarts the app, so it waits until nothing a citizen or cashier is in the
 * middle of would be cut; and a new version that does not reach "healthy" is rolled back.
 */

/** What is in flight right now (busy-probe.ts reads it from the store and the in-flight counter). */
export interface BusyState {
  /** Receipt and document print jobs queued or printing (print_jobs). */
  readonly printJobs: number;
  /** Certificate purchases still asking the server, their copies not yet at the dispenser. */
  readonly purchases: number;
  /** Operations that take or move money, print or dispense, running now (in-flight-work.ts). */
  readonly operations: number;
}

export type InstallDecision =
  | { readonly kind: 'install' }
  /** Spanish, for the log and the staff: what the install waits for. */
  | { readonly kind: 'wait'; readonly reasons: readonly string[] };

/** Install a downloaded update only when nothing is in flight; otherwise ask again later. */
export function installDecision(busy: BusyState): InstallDecision {
  const reasons: string[] = [];
  if (busy.operations > 0) reasons.push(`${busy.operations} operación(es) de pago, impresión o entrega en curso`);
  if (busy.printJobs > 0) reasons.push(`${busy.printJobs} impresión(es) en cola`);
  if (busy.purchases > 0) reasons.push(`${busy.purchases} compra(s) de certificado sin terminar`);
  return reasons.length === 0 ? { kind: 'install' } : { kind: 'wait', reasons };
}

/**
 * What the device remembers about updates (device_meta `updateRecord`, JSON): the install under
 * verification, and the versions it rolled back from (sent to the feed, which leaves them out).
 */
export interface UpdateRecord {
  readonly pending: {
    readonly previousVersion: string;
    readonly targetVersion: string;
    /** Starts of the target version that have not (yet) reached healthy, this one included. */
    readonly unhealthyStarts: number;
  } | null;
  readonly skipVersions: readonly string[];
}

export const emptyUpdateRecord: UpdateRecord = { pending: null, skipVersions: [] };

/** Starts without reaching healthy after which the new version is given up. */
export const maxUnhealthyStarts = 2;

/** How long a start may take to reach healthy before it counts as failed. */
export const healthyDeadlineMs = 3 * 60_000;

/** At most this many skipped versions are kept (the oldest dropped). */
const maxSkipVersions = 10;

/**
 * Whether to download the version the feed offers: not one this device rolled back from, and
 * not the one running. Rolling back is a download of an older version (allowDowngrade).
 */
export function shouldDownload(record: UpdateRecord, offered: string, running: string): boolean {
  if (!isSemver(offered) || record.skipVersions.includes(offered)) return false;
  return !isSemver(running) || compareSemver(offered, running) !== 0;
}

/**
 * Whether electron-updater may install an older version than the one running: only when the
 * running version is one this device rolled back from, so the feed (which leaves it out) offers
 * the previous version and the device goes back to it.
 */
export function mayDowngrade(record: UpdateRecord, running: string): boolean {
  return record.skipVersions.includes(running);
}

/** Just before installing: remember where we come from, so a failed start can go back. */
export function beforeInstall(record: UpdateRecord, running: string, target: string): UpdateRecord {
  return { ...record, pending: { previousVersion: running, targetVersion: target, unhealthyStarts: 0 } };
}

export type StartDecision =
  /** Nothing under verification: start as usual. */
  | { readonly kind: 'none'; readonly record: UpdateRecord }
  /** The new version starts: save the record, then wait for healthy within healthyDeadlineMs. */
  | { readonly kind: 'verify'; readonly record: UpdateRecord }
  /** It failed too often: save the record (its version skipped) and reinstall `to`. */
  | { readonly kind: 'rollback'; readonly to: string; readonly record: UpdateRecord }
  /** Still the previous version: the installer did not run or was cancelled; nothing to verify. */
  | { readonly kind: 'not-applied'; readonly record: UpdateRecord };

/** At each start of the app, before anything else: the version running decides. */
export function onStart(record: UpdateRecord, running: string): StartDecision {
  const { pending } = record;
  if (pending === null) return { kind: 'none', record };
  if (running !== pending.targetVersion) return { kind: 'not-applied', record: { ...record, pending: null } };
  if (pending.unhealthyStarts >= maxUnhealthyStarts)
    return rollback(record, pending.targetVersion, pending.previousVersion);
  return {
    kind: 'verify',
    record: { ...record, pending: { ...pending, unhealthyStarts: pending.unhealthyStarts + 1 } },
  };
}

/** The app core started and its store opened: the new version is good. */
export function onHealthy(record: UpdateRecord, running: string): UpdateRecord {
  return record.pending?.targetVersion === running ? { ...record, pending: null } : record;
}

/** healthyDeadlineMs passed without healthy: give the version up now rather than at the next start. */
export function onHealthyDeadline(record: UpdateRecord, running: string): StartDecision {
  const { pending } = record;
  if (pending === null || pending.targetVersion !== running) return { kind: 'none', record };
  return rollback(record, pending.targetVersion, pending.previousVersion);
}

function rollback(record: UpdateRecord, bad: string, to: string): StartDecision {
  const skipVersions = [...record.skipVersions.filter((v) => v !== bad), bad].slice(-maxSkipVersions);
  return { kind: 'rollback', to, record: { pending: null, skipVersions } };
}

/** The record as stored; anything unreadable is an empty record (the device then only misses a rollback). */
export function parseUpdateRecord(text: string | null): UpdateRecord {
  if (text === null) return emptyUpdateRecord;
  try {
    const value = JSON.parse(text) as Partial<UpdateRecord>;
    const p = value.pending;
    const pending =
      p !== null &&
      typeof p === 'object' &&
      typeof p.previousVersion === 'string' &&
      typeof p.targetVersion === 'string' &&
      typeof p.unhealthyStarts === 'number'
        ? { previousVersion: p.previousVersion, targetVersion: p.targetVersion, unhealthyStarts: p.unhealthyStarts }
        : null;
    const skipVersions = Array.isArray(value.skipVersions) ? value.skipVersions.filter(isSemverString) : [];
    return { pending, skipVersions };
  } catch {
    return emptyUpdateRecord;
  }
}

const isSemverString = (v: unknown): v is string => typeof v === 'string' && isSemver(v);
