import type { Result } from '../../src-shared/api/result';
import type { ReplicatedTable } from '../../src-shared/server-api/sync-api';
import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { ServerClient } from '../server-link/server-client';
import { FeedRestarted, type FeedEpoch } from './feed-epoch';
import { MalformedPageError } from './replica-apply';
import type { ReplicaRoutes } from './replica-routes';
import { replicaTables } from './replica-tables';
import type { SnapshotApplier, SnapshotState } from './snapshot-apply';
import { checkSnapshotPart, parseSnapshotRows, SnapshotChecksumError } from './snapshot-part';
import type { ProgressTracker } from './sync-progress';

export const damagedPartMessage =
  'La descarga inicial recibió una parte dañada o incompleta; se pide de nuevo y sigue donde iba.';

/** Columns of each table as this device stores them: the rows of a part come as arrays in this order. */
const columnsOf = (table: ReplicatedTable): string => replicaTables[table].columns.map(([column]) => column).join(',');

/**
 * A new device's first download of a large replica (docs/sync-protocol.md, "Snapshot"): the
 * server's rows as they are now, table by table, a part at a time, each part checked against its
 * SHA-256 and written with the state that says what comes next (snapshot-apply.ts). The next
 * part is asked for while this one is written. A cut connection, a damaged part or a restart
 * goes on from the last part written; the feed then goes on from the snapshot's cursor.
 */
export class SnapshotDownload {
  /** The server answered that it has no snapshot: the feed it is, until the app starts again. */
  private unsupported = false;

  constructor(
    private readonly client: ServerClient,
    private readonly meta: DeviceMeta,
    private readonly applier: SnapshotApplier,
    private readonly epoch: FeedEpoch,
    private readonly routes: ReplicaRoutes,
    private readonly log: Logger,
    private readonly partRows: number,
  ) {}

  /**
   * A download was started and has not ended: it goes on before anything else is pulled. With
   * none under way, indexes a dropped download left out (a reset of the replica) are built again.
   */
  underWay(): boolean {
    if (this.applier.state() !== null) return true;
    this.applier.restoreIndexes();
    return false;
  }

  /**
   * Starts a download if the server offers one and the replica is empty (only then do the rows
   * as they are now stand for every deletion the feed recorded). False: pull the feed instead.
   */
  async start(token: string, signal: AbortSignal): Promise<boolean> {
    if (this.unsupported || !this.applier.replicaIsEmpty()) return false;
    const answer = await this.client.call('sync.snapshot', {}, { token }, { signal });
    if (!answer.ok) {
      if (answer.error.code === 'offline') throw new Error('snapshot start: offline');
      this.unsupported = true;
      this.log.info(
        { errorCode: answer.error.code },
        'the server offers no snapshot: the first download reads the feed',
      );
      return false;
    }
    const start = answer.value;
    if (this.epoch.observe(start.epoch)) throw new FeedRestarted();
    if (this.routes.observe(start.routes)) throw new FeedRestarted();
    const rows = start.tables.reduce((sum, t) => sum + t.rows, 0);
    this.applier.begin({
      cursor: start.cursor,
      epoch: start.epoch,
      tables: start.tables,
      index: 0,
      after: null,
      applied: 0,
    });
    this.log.info({ cursor: start.cursor, rows, tables: start.tables.length }, 'first download by snapshot started');
    return true;
  }

  /** Downloads what is left of the download under way, then sets the replica's cursor to the snapshot's. */
  async run(token: string, signal: AbortSignal, progress: ProgressTracker): Promise<void> {
    let state = this.applier.state();
    if (state === null) return;
    const total = state.tables.reduce((sum, t) => sum + t.rows, 0);
    if (!progress.isActive()) progress.begin(Math.max(0, total - state.applied), state.applied);
    let pending = this.request(token, state, signal);
    while (pending !== null) {
      const answer = await pending;
      if (signal.aborted) return;
      if (!answer.ok) {
        if (answer.error.code !== 'offline') this.meta.set({ syncError: answer.error.message });
        throw new Error(`snapshot part refused: ${answer.error.code}`);
      }
      const part = this.checked(answer.value, state);
      const next = this.position(state, part.last, part.done);
      // Ask for the next part once this one hashed right, before parsing and writing it: the
      // server reads while the device parses and writes.
      pending = next === null ? null : this.request(token, next, signal);
      try {
        const rows = parseSnapshotRows(part);
        state = this.applier.applyPart(state, rows, part.last, part.done);
        progress.advance(rows.length);
      } catch (error) {
        // Never leave the prefetch's rejection unobserved; its part is asked again after this one.
        void pending?.catch(() => undefined);
        throw error;
      }
      if (this.meta.get('syncError') !== null) this.meta.delete('syncError');
    }
    this.applier.finish(state);
    this.log.info({ cursor: state.cursor, rows: state.applied }, 'first download by snapshot ended');
  }

  private checked(text: string, state: SnapshotState) {
    let part;
    try {
      part = checkSnapshotPart(text);
    } catch (error) {
      if (error instanceof SnapshotChecksumError) {
        this.meta.set({ syncError: damagedPartMessage });
        this.log.warn({ reason: error.message, table: state.tables[state.index]?.table }, 'snapshot part damaged');
      }
      throw error;
    }
    // A restored server: what was written belongs to another history.
    if (part.epoch !== state.epoch) {
      this.applier.abandon();
      if (this.epoch.observe(part.epoch)) throw new FeedRestarted();
    }
    if (part.table !== state.tables[state.index]?.table) throw new MalformedPageError('Parte de otra tabla');
    return part;
  }

  /** Where the download stands after a part: the same table after its last row, the next table, or the end (null). */
  private position(state: SnapshotState, last: string | null, done: boolean): SnapshotState | null {
    if (!done) {
      if (last === null) throw new MalformedPageError('Parte vacía que no termina la tabla');
      return { ...state, after: last };
    }
    return state.index + 1 < state.tables.length ? { ...state, index: state.index + 1, after: null } : null;
  }

  private request(token: string, state: SnapshotState, signal: AbortSignal): Promise<Result<string>> | null {
    const entry = state.tables[state.index];
    if (entry === undefined) return null;
    return this.client.callText(
      'sync.snapshotPart',
      {
        table: entry.table,
        ...(state.after === null ? {} : { after: state.after }),
        limit: this.partRows,
        columns: columnsOf(entry.table),
      },
      { token },
      { signal },
    );
  }
}
