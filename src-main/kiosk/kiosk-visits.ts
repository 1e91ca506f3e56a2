import { auditLog } from '../../db/local/schema';
import { ok, type Result } from '../../src-shared/api/result';
import type { OpParsedInput } from '../../src-shared/api/contract';
import type { DeviceMeta } from '../device/device-meta';
import type { Store } from '../store/open-store';
import { commit } from '../store/write-path';

/** Citizens' visits to the kiosk: each end recorded locally and reported to the office through the outbox. */
export class KioskVisits {
  constructor(
    private readonly store: Store,
    private readonly meta: DeviceMeta,
  ) {}

  ended(input: OpParsedInput<'kiosk.sessionEnded'>): Promise<Result<{ recorded: true }>> {
    const at = new Date().toISOString();
    const details = { reason: input.reason, durationSeconds: input.durationSeconds };
    commit(this.store, (tx) => {
      tx.insert(auditLog).values({ at, action: 'kiosk.session_ended', actor: 'kiosk', details }).run();
      return {
        result: undefined,
        events: [{ type: 'kiosk.session_ended', payload: { ...details, at, deviceId: this.meta.get('deviceId') } }],
      };
    });
    return Promise.resolve(ok({ recorded: true as const }));
  }
}
