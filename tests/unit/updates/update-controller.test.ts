import { describe, expect, it } from 'vitest';
import { createRootLogger } from '../../../src-main/logger';
import { InFlightWork, trackInFlight } from '../../../src-main/updates/in-flight-work';
import { UpdateController, type Updater } from '../../../src-main/updates/update-controller';
import { emptyUpdateRecord, type BusyState, type UpdateRecord } from '../../../src-main/updates/update-policy';
import type { UpdateRecordStore } from '../../../src-main/updates/update-record-file';

/** electron-updater as the controller sees it: a feed offering one version, and what was asked of it. */
class FakeUpdater implements Updater {
  offered: string | null = null;
  configured: Parameters<Updater['configure']>[0] | null = null;
  downloads = 0;
  installs = 0;
  configure(options: Parameters<Updater['configure']>[0]): void {
    this.configured = options;
  }
  check(): Promise<string | null> {
    return Promise.resolve(this.offered);
  }
  download(): Promise<void> {
    this.downloads += 1;
    return Promise.resolve();
  }
  install(): void {
    this.installs += 1;
  }
}

function memoryRecords(initial: UpdateRecord = emptyUpdateRecord): UpdateRecordStore & { value: UpdateRecord } {
  const store = {
    value: initial,
    read: () => store.value,
    write: (record: UpdateRecord) => {
      store.value = JSON.parse(JSON.stringify(record)) as UpdateRecord;
    },
  };
  return store;
}

function controllerFor(
  running: string,
  records = memoryRecords(),
  busy: BusyState = { printJobs: 0, purchases: 0, operations: 0 },
) {
  const updater = new FakeUpdater();
  const state = { busy, token: 'v1.token' as string | null };
  const controller = new UpdateController({
    updater,
    records,
    running,
    serverUrl: 'https://servidor.example/',
    token: () => state.token,
    busy: () => state.busy,
    log: createRootLogger('silent'),
  });
  return { controller, updater, records, state };
}

describe('update controller', () => {
  it('asks the feed with the token, downloads, and installs only once nothing is in flight', async () => {
    const { controller, updater, records, state } = controllerFor('1.0.0');
    state.token = null;
    expect(await controller.check()).toBe('no-token');
    state.token = 'v1.token';
    expect(await controller.check()).toBe('none');
    expect(updater.configured).toEqual({
      feedUrl: 'https://servidor.example/updates/',
      headers: { authorization: 'Bearer v1.token' },
      allowDowngrade: false,
    });
    updater.offered = '1.1.0';
    state.busy = { printJobs: 1, purchases: 0, operations: 0 };
    expect(await controller.check()).toBe('waiting');
    expect(updater.downloads).toBe(1);
    expect(updater.installs).toBe(0);
    expect(records.value.pending).toBeNull();
    state.busy = { printJobs: 0, purchases: 0, operations: 0 };
    expect(controller.tryInstall()).toBe(true);
    expect(updater.downloads).toBe(1);
    expect(updater.installs).toBe(1);
    expect(records.value.pending).toEqual({ previousVersion: '1.0.0', targetVersion: '1.1.0', unhealthyStarts: 0 });
  });

  it('a new version that crashes twice goes back: skip header, downgrade allowed, the previous one installed', async () => {
    const records = memoryRecords({
      pending: { previousVersion: '1.0.0', targetVersion: '1.1.0', unhealthyStarts: 0 },
      skipVersions: [],
    });
    // Two starts that never reach healthy (no healthy() call), then the third.
    expect(controllerFor('1.1.0', records).controller.atStart().kind).toBe('verify');
    expect(controllerFor('1.1.0', records).controller.atStart().kind).toBe('verify');
    const third = controllerFor('1.1.0', records);
    expect(third.controller.atStart().kind).toBe('rollback');
    third.updater.offered = '1.0.0';
    expect(await third.controller.check()).toBe('installing');
    expect(third.updater.configured?.headers['x-ventanilla-skip-versions']).toBe('1.1.0');
    expect(third.updater.configured?.allowDowngrade).toBe(true);
    // Back on 1.0.0 and healthy: 1.1.0 is not taken again, a later fix is.
    const back = controllerFor('1.0.0', records);
    expect(back.controller.atStart().kind).toBe('verify');
    back.controller.healthy();
    expect(records.value).toEqual({ pending: null, skipVersions: ['1.1.0'] });
    back.updater.offered = '1.1.0';
    expect(await back.controller.check()).toBe('skipped');
  });

  it('a start that reaches healthy keeps the version', () => {
    const records = memoryRecords({
      pending: { previousVersion: '1.0.0', targetVersion: '1.1.0', unhealthyStarts: 0 },
      skipVersions: [],
    });
    const { controller } = controllerFor('1.1.0', records);
    expect(controller.atStart().kind).toBe('verify');
    controller.healthy();
    expect(records.value).toEqual(emptyUpdateRecord);
  });
});

describe('in-flight work', () => {
  it('counts money, print and dispense operations while they run, and only those', async () => {
    const work = new InFlightWork();
    let release: () => void = () => undefined;
    const dispatch = trackInFlight(
      (op) =>
        op === 'cashier.takePayment'
          ? new Promise((resolve) => {
              release = () => resolve({ ok: true, value: null });
            })
          : Promise.resolve({ ok: true, value: null }),
      work,
    );
    const payment = dispatch('cashier.takePayment', {});
    await dispatch('status.get', {});
    expect(work.count()).toBe(1);
    expect(work.names()).toEqual(['cashier.takePayment']);
    release();
    await payment;
    expect(work.count()).toBe(0);
    // A failing operation is counted out too.
    const failing = trackInFlight(() => Promise.reject(new Error('printer')), work);
    await expect(failing('print.job', {})).rejects.toThrow('printer');
    expect(work.count()).toBe(0);
  });

  it('tells the heartbeat where an update stands: downloading, waiting on work in flight, rolled back', async () => {
    const told: unknown[] = [];
    const records = memoryRecords();
    const updater = new FakeUpdater();
    let busy: BusyState = { printJobs: 1, purchases: 0, operations: 0 };
    let downloading: unknown = 'not asked';
    const controller = new UpdateController({
      updater: Object.assign(updater, {
        download: () => {
          downloading = controller.status();
          updater.downloads += 1;
          return Promise.resolve();
        },
      }),
      records,
      running: '1.0.0',
      serverUrl: 'https://servidor.example/',
      token: () => 'v1.token',
      busy: () => busy,
      log: createRootLogger('silent'),
      onStatus: (status) => told.push(status),
    });
    controller.atStart();
    expect(controller.status()).toBeNull();
    updater.offered = '1.1.0';
    expect(await controller.check()).toBe('waiting');
    expect(downloading).toEqual({ state: 'downloading', version: '1.1.0', detail: null });
    expect(controller.status()).toEqual({
      state: 'waiting',
      version: '1.1.0',
      detail: 'Espera: 1 impresión(es) en cola.',
    });
    // Told once per change, not at every look.
    expect(controller.tryInstall()).toBe(false);
    expect(told).toHaveLength(2);
    busy = { printJobs: 0, purchases: 0, operations: 0 };
    expect(controller.tryInstall()).toBe(true);

    // 1.1.0 never reaches healthy twice: given up, and the previous version says which one it dropped.
    for (let start = 0; start < 2; start += 1)
      expect(controllerFor('1.1.0', records).controller.atStart().kind).toBe('verify');
    const rollingBack = controllerFor('1.1.0', records).controller;
    expect(rollingBack.atStart().kind).toBe('rollback');
    expect(rollingBack.status()).toMatchObject({ state: 'rolled-back', version: '1.1.0' });
    const back = controllerFor('1.0.0', records).controller;
    back.atStart();
    expect(back.status()).toEqual({
      state: 'rolled-back',
      version: '1.1.0',
      detail: 'No arrancó bien en este equipo; sigue con la versión 1.0.0.',
    });
    // A newer version than the one given up: nothing to tell.
    const newer = controllerFor('1.2.0', records).controller;
    newer.atStart();
    expect(newer.status()).toBeNull();
  });
});
