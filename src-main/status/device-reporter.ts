import { statfs } from 'node:fs/promises';
import type { DeviceStatus } from '../../src-shared/api/ops/status';
import type { Result } from '../../src-shared/api/result';
import type { DeviceMode } from '../../src-shared/domain/device-mode';
import type { DeviceReport } from '../../src-shared/server-api/device-report';
import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { ServerClient } from '../server-link/server-client';

export interface DeviceReporterDeps {
  readonly status: () => Promise<Result<DeviceStatus>>;
  readonly client: Pick<ServerClient, 'call'>;
  readonly meta: DeviceMeta;
  readonly mode: () => DeviceMode;
  readonly appVersion: string;
  /** Where the store lives: its free space is what matters. */
  readonly storeDir: string;
  readonly log: Logger;
  /** How often the device looks for a change (cheap: the strip's own figures). */
  readonly lookEveryMs?: number;
  /** How often it reports when nothing changed; the server's answer may change it. */
  readonly reportEveryMs?: number;
  /** The open cash session (counter) and its cashier's username; absent: the device has none to tell. */
  readonly cashSession?: () => DeviceReport['cashSession'];
  /** Replica rows still to download; absent or null: unknown. */
  readonly replicaRowsBehind?: () => number | null;
  /** The app's last unclean stop; absent: the app does not record one. */
  readonly lastCrash?: () => DeviceReport['lastCrash'];
  /** A kiosk's last staff exit at its hidden gesture; absent: the device has none to tell. */
  readonly kioskExit?: () => DeviceReport['kioskExit'];
  /** An update under way or given up; absent: the host has no updater. */
  readonly update?: () => DeviceReport['update'];
}

/**
 * The heartbeat (`device.report`): every `reportEveryMs`, and as soon as something staff care
 * about changes — a printer or the dispenser stops, runs low or comes back, events start
 * waiting or get parked. The figures are the status strip's, so a look costs nothing new. A
 * report that does not get through is sent again at the next look; nothing is queued.
 */
export class DeviceReporter {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private lastSent: { readonly at: number; readonly signature: string } | null = null;
  private reportEveryMs: number;

  constructor(private readonly deps: DeviceReporterDeps) {
    this.reportEveryMs = deps.reportEveryMs ?? 60_000;
  }

  start(): void {
    void this.look();
    this.timer = setInterval(() => void this.look(), this.deps.lookEveryMs ?? 5_000);
    this.timer.unref();
  }

  /** One look now (tests, and a change the caller knows of); concurrent looks share one. */
  look(): Promise<void> {
    this.running ??= this.lookOnce()
      .catch((error: unknown) => this.deps.log.warn({ err: error }, 'device report not made'))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async lookOnce(): Promise<void> {
    const token = this.deps.meta.get('deviceToken');
    if (token === null || this.deps.meta.get('tokenRefusedAt') !== null) return;
    const status = await this.deps.status();
    if (!status.ok) return;
    const report = await this.report(status.value);
    const signature = signatureOf(report);
    const last = this.lastSent;
    if (last !== null && last.signature === signature && Date.now() - last.at < this.reportEveryMs) return;
    const answer = await this.deps.client.call('device.report', report, { token });
    if (!answer.ok) {
      if (answer.error.code !== 'offline')
        this.deps.log.warn({ errorCode: answer.error.code }, 'device report refused');
      return;
    }
    this.lastSent = { at: Date.now(), signature };
    this.reportEveryMs = Math.min(this.deps.reportEveryMs ?? Infinity, answer.value.everySeconds * 1000);
  }

  private async report(status: DeviceStatus): Promise<DeviceReport> {
    return {
      appVersion: this.deps.appVersion.slice(0, 40),
      mode: this.deps.mode(),
      madeAt: new Date().toISOString(),
      printer: { state: status.printer.state, name: status.printer.name?.slice(0, 200) ?? null },
      dispenser: status.dispenser ?? null,
      outbox: {
        pending: status.sync.pendingEvents,
        parked: status.sync.parkedEvents,
        oldestPendingAt: status.sync.oldestPendingAt,
      },
      clockOffsetSeconds: status.sync.clockOffsetSeconds,
      freeDiskBytes: await freeBytes(this.deps.storeDir),
      replicaRowsBehind: this.deps.replicaRowsBehind?.() ?? rowsBehind(status),
      cashSession: this.deps.cashSession?.() ?? null,
      lastCrash: this.deps.lastCrash?.() ?? null,
      ...(this.deps.kioskExit === undefined ? {} : { kioskExit: this.deps.kioskExit() }),
      ...(this.deps.update === undefined ? {} : { update: this.deps.update() }),
    };
  }
}

/** What makes a report worth sending at once: states and whether anything waits, not ages or bytes. */
function signatureOf(report: DeviceReport): string {
  return JSON.stringify([
    report.mode,
    report.printer.state,
    report.dispenser,
    report.outbox.pending > 0,
    report.outbox.parked,
    report.cashSession?.cashier ?? null,
    report.lastCrash?.at ?? null,
    report.kioskExit?.at ?? null,
    report.update?.state ?? null,
    report.update?.version ?? null,
  ]);
}

/** While catching up, what the download still has to bring; otherwise unknown (the device does not count what it has not been told of). */
function rowsBehind(status: DeviceStatus): number | null {
  const progress = status.sync.progress;
  return progress === null ? null : Math.max(0, progress.rowsTotal - progress.rowsDone);
}

async function freeBytes(dir: string): Promise<number | null> {
  try {
    const stats = await statfs(dir);
    return Math.min(Number.MAX_SAFE_INTEGER, stats.bavail * stats.bsize);
  } catch {
    return null;
  }
}
