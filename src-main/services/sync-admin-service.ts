import type { OpOutput } from '../../src-shared/api/contract';
import { ok, type Result } from '../../src-shared/api/result';
import type { StaffAuthorizer } from '../staff/staff-authorizer';
import type { SyncService } from '../sync/sync-service';

/** Staff-facing sync operations: sync now, and the supervisor's parked-events screen. */
export class SyncAdminService {
  constructor(
    private readonly sync: SyncService,
    private readonly staff: StaffAuthorizer,
    private readonly now: () => Date = () => new Date(),
  ) {}

  syncNow(): Promise<Result<OpOutput<'sync.now'>>> {
    this.sync.syncNow();
    return Promise.resolve(ok({ requested: true as const }));
  }

  parked(grantId: string): Promise<Result<OpOutput<'sync.parked'>>> {
    const grant = this.staff.require(grantId, ['supervisor']);
    if (!grant.ok) return Promise.resolve(grant);
    return Promise.resolve(ok({ events: this.sync.parked.list() }));
  }

  resolve(grantId: string, eventId: string, action: 'retry' | 'discard'): Promise<Result<OpOutput<'sync.resolveParked'>>> {
    const grant = this.staff.require(grantId, ['supervisor']);
    if (!grant.ok) return Promise.resolve(grant);
    return Promise.resolve(this.sync.parked.resolve(eventId, action, grant.value.username, this.now()));
  }
}
