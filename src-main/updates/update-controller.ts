import type { DeviceReport } from '../../src-shared/server-api/device-report';
import { compareSemver, skipVersionsHeader, updateFeedPath } from '../../src-shared/server-api/update-feed';
import type { Logger } from '../logger';
import type { UpdateRecordStore } from './update-record-file';
import {
  beforeInstall,
  installDecision,
  mayDowngrade,
  onHealthy,
  onHealthyDeadline,
  onStart,
  shouldDownload,
  type BusyState,
  type StartDecision,
} from './update-policy';

/** What the controller needs of electron-updater (src-main/electron/auto-update.ts maps it). */
export interface Updater {
  configure(options: { feedUrl: string; headers: Record<string, string>; allowDowngrade: boolean }): void;
  /** The version the feed offers, or null when it has none for this device. */
  check(): Promise<string | null>;
  download(): Promise<void>;
  /** Quits the app and runs the downloaded installer (the app starts again as the new version). */
  install(): void;
}

export interface UpdateControllerDeps {
  readonly updater: Updater;
  readonly records: UpdateRecordStore;
  /** The version running (app.getVersion()). */
  readonly running: string;
  readonly serverUrl: string;
  /** The device token, once the app core has started; null before, or when not enrolled. */
  readonly token: () => string | null;
  readonly busy: () => BusyState;
  readonly log: Logger;
  /** Told each time `status()` changes, so the heartbeat can carry it. */
  readonly onStatus?: (status: UpdateStatus | null) => void;
}

/** Where an update stands, as the heartbeat tells it (null: none under way). */
export type UpdateStatus = NonNullable<DeviceReport['update']>;

export type CheckOutcome = 'no-token' | 'none' | 'skipped' | 'waiting' | 'installing';

/**
 * The update policy (update-policy.ts) applied over time, with no Electron in it: at start the
 * record decides verify / rollback; healthy clears it; each check downloads what the policy
 * accepts and installs only when nothing is in flight. Tested with a fake Updater
 * (tests/unit/updates/update-controller.test.ts).
 */
export class UpdateController {
  private downloaded: string | null = null;
  private started: StartDecision | null = null;
  private current: UpdateStatus | null = null;

  constructor(private readonly deps: UpdateControllerDeps) {}

  /** Before the app core starts: counts this start of a new version, or gives the version up. */
  atStart(): StartDecision {
    const decision = onStart(this.deps.records.read(), this.deps.running);
    this.deps.records.write(decision.record);
    const skipped = decision.record.skipVersions.at(-1);
    if (decision.kind === 'rollback') {
      this.deps.log.warn({ running: this.deps.running, to: decision.to }, 'update failed to start: rolling back');
      this.tell({
        state: 'rolled-back',
        version: this.deps.running,
        detail: `No arrancó bien; se vuelve a la versión ${decision.to}.`,
      });
    } else if (skipped !== undefined && compareSemver(skipped, this.deps.running) > 0) {
      // Back on the previous version: IT sees which one this device gave up until a newer one installs.
      this.tell({
        state: 'rolled-back',
        version: skipped,
        detail: `No arrancó bien en este equipo; sigue con la versión ${this.deps.running}.`,
      });
    } else if (decision.kind === 'verify') this.deps.log.info({ running: this.deps.running }, 'new version: verifying');
    this.started = decision;
    return decision;
  }

  /** The app core started and its store opened. */
  healthy(): void {
    const record = this.deps.records.read();
    const after = onHealthy(record, this.deps.running);
    if (after !== record) {
      this.deps.records.write(after);
      this.deps.log.info({ version: this.deps.running }, 'new version healthy');
    }
  }

  /** healthyDeadlineMs passed without healthy(): true when the version is given up (the adapter restarts). */
  healthyDeadline(): boolean {
    const decision = onHealthyDeadline(this.deps.records.read(), this.deps.running);
    this.deps.records.write(decision.record);
    return decision.kind === 'rollback';
  }

  /** One look at the feed: download what the policy accepts, install it if nothing is in flight. */
  async check(): Promise<CheckOutcome> {
    const token = this.deps.token();
    if (token === null) return 'no-token';
    const record = this.deps.records.read();
    this.deps.updater.configure({
      feedUrl: `${this.deps.serverUrl.replace(/\/+$/, '')}${updateFeedPath}/`,
      headers: {
        authorization: `Bearer ${token}`,
        ...(record.skipVersions.length > 0 ? { [skipVersionsHeader]: record.skipVersions.join(',') } : {}),
      },
      allowDowngrade: mayDowngrade(record, this.deps.running),
    });
    if (this.downloaded === null) {
      const offered = await this.deps.updater.check();
      if (offered === null) return 'none';
      if (!shouldDownload(record, offered, this.deps.running)) return 'skipped';
      this.tell({ state: 'downloading', version: offered, detail: null });
      try {
        await this.deps.updater.download();
      } catch (error) {
        this.tell(null);
        throw error;
      }
      this.downloaded = offered;
      this.deps.log.info({ version: offered }, 'update downloaded');
    }
    return this.tryInstall() ? 'installing' : 'waiting';
  }

  /** Installs the downloaded version now if nothing is in flight; false (and logged) otherwise. */
  tryInstall(): boolean {
    const target = this.downloaded;
    if (target === null) return false;
    const decision = installDecision(this.deps.busy());
    if (decision.kind === 'wait') {
      this.deps.log.info({ version: target, reasons: decision.reasons }, 'update waits: work in flight');
      this.tell({ state: 'waiting', version: target, detail: `Espera: ${decision.reasons.join('; ')}.`.slice(0, 200) });
      return false;
    }
    this.deps.records.write(beforeInstall(this.deps.records.read(), this.deps.running, target));
    this.deps.log.info({ from: this.deps.running, to: target }, 'installing update');
    this.deps.updater.install();
    return true;
  }

  /** What the start decided (for the log and the report). */
  startDecision(): StartDecision | null {
    return this.started;
  }

  /** Where an update stands now: downloading, waiting on work in flight, rolled back; null when none. */
  status(): UpdateStatus | null {
    return this.current;
  }

  private tell(status: UpdateStatus | null): void {
    if (JSON.stringify(status) === JSON.stringify(this.current)) return;
    this.current = status;
    this.deps.onStatus?.(status);
  }
}
