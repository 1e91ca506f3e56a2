import type { App } from 'electron';
import electronUpdater from 'electron-updater';
import type { AppCore } from '../app-core';
import type { Logger } from '../logger';
import { busyProbe } from '../updates/busy-probe';
import { InFlightWork } from '../updates/in-flight-work';
import { UpdateController, type Updater } from '../updates/update-controller';
import { healthyDeadlineMs, type BusyState } from '../updates/update-policy';
import { updateRecordFile } from '../updates/update-record-file';

/**
 * electron-updater behind the controller's Updater (src-main/updates/update-controller.ts, where
 * the decisions are and are tested). Generic provider on the central server's feed, the device
 * token in the request headers, nothing downloaded or installed on its own: the controller
 * decides. Electron cannot run in CI, so this file stays a mapping and nothing more.
 */
export function electronUpdaterAdapter(log: Logger): Updater {
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.autoRunAppAfterInstall = true;
  // No blockmaps are published: a full download, checked against the feed's sha512.
  autoUpdater.disableDifferentialDownload = true;
  autoUpdater.logger = {
    info: (message?: unknown) => log.info({ updater: String(message) }, 'electron-updater'),
    warn: (message?: unknown) => log.warn({ updater: String(message) }, 'electron-updater'),
    error: (message?: unknown) => log.error({ updater: String(message) }, 'electron-updater'),
    debug: (message: string) => log.debug({ updater: message }, 'electron-updater'),
  };
  return {
    configure({ feedUrl, headers, allowDowngrade }) {
      autoUpdater.setFeedURL({ provider: 'generic', url: feedUrl });
      autoUpdater.requestHeaders = headers;
      autoUpdater.allowDowngrade = allowDowngrade;
    },
    async check() {
      const result = await autoUpdater.checkForUpdates();
      return result?.isUpdateAvailable === true ? result.updateInfo.version : null;
    },
    async download() {
      await autoUpdater.downloadUpdate();
    },
    install() {
      // Silent on Windows (NSIS /S), and the app is started again after the install.
      autoUpdater.quitAndInstall(true, true);
    },
  };
}

/**
 * Updates for this start of the app (docs/updates.md). Called before the app core starts, so a
 * start of a new version is counted even if the core never comes up; `healthy(core)` once it has
 * started and opened its store. Then: a check now and every `checkEveryMs`, an install attempt
 * every 30 s while a downloaded update waits for work in flight, and a restart if this start
 * misses the healthy deadline (the next start then goes back to the previous version).
 */
export function startAutoUpdate(
  app: App,
  deps: { dataDir: string; serverUrl: string; log: Logger; checkEveryMs?: number },
): { readonly work: InFlightWork; healthy(core: AppCore): void; stop(): void } {
  const { log } = deps;
  const work = new InFlightWork();
  let core: AppCore | null = null;
  let busy: (() => BusyState) | null = null;
  const controller = new UpdateController({
    updater: electronUpdaterAdapter(log),
    records: updateRecordFile(deps.dataDir),
    running: app.getVersion(),
    serverUrl: deps.serverUrl,
    token: () => core?.meta.get('deviceToken') ?? null,
    // Before healthy nothing checks; the probe exists once the store is open.
    busy: () => busy?.() ?? { printJobs: 0, purchases: 0, operations: work.count() },
    log,
    // The heartbeat reads it from the store (status/start-status.ts); before the store opens, healthy() writes it.
    onStatus: (status) => core?.meta.set({ updateStatus: JSON.stringify(status) }),
  });
  controller.atStart();
  const deadline = setTimeout(() => {
    if (controller.healthyDeadline()) {
      log.error('new version did not become healthy in time: restarting to roll back');
      app.relaunch();
      app.exit(1);
    }
  }, healthyDeadlineMs);
  let waiting: NodeJS.Timeout | undefined;
  const check = async () => {
    try {
      const outcome = await controller.check();
      if (outcome === 'waiting' && waiting === undefined)
        waiting = setInterval(() => {
          if (controller.tryInstall()) clearInterval(waiting);
        }, 30_000);
    } catch (error) {
      log.warn({ err: error }, 'update check failed');
    }
  };
  let every: NodeJS.Timeout | undefined;
  return {
    work,
    healthy(started) {
      clearTimeout(deadline);
      core = started;
      busy = busyProbe(started.store, work);
      started.meta.set({ updateStatus: JSON.stringify(controller.status()) });
      controller.healthy();
      void check();
      every = setInterval(() => void check(), deps.checkEveryMs ?? 10 * 60_000);
    },
    stop() {
      clearTimeout(deadline);
      clearInterval(every);
      clearInterval(waiting);
    },
  };
}
