import type { OpOutput } from '../../src-shared/api/contract';
import { ok, type Result } from '../../src-shared/api/result';
import type { StaffGrant } from '../api/callers';
import type { SyncService } from './sync-service';

/**
 * Staff-facing sync operations: sync now, and the supervisor's parked-events screen (its
 * operations take the supervisor's grant the dispatcher checked).
 */
export class SyncAdminService {
  constructor(
    private readonly sync: SyncService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  syncNow(): Promise<Result<OpOutput<'sync.now'>>> {
    this.sync.syncNow();
    return Promise.resolve(ok({ requested: true as const }));
  }

  parked(): Promise<Result<OpOutput<'sync.parked'>>> {
    return Promise.resolve(ok({ events: this.sync.parked.list() }));
  }

  resolve(
    supervisor: StaffGrant,
    eventId: string,
    action: 'retry' | 'discard',
  ): Promise<Result<OpOutput<'sync.resolveParked'>>> {
    return Promise.resolve(this.sync.parked.resolve(eventId, action, supervisor.username, this.now()));
  }
}
