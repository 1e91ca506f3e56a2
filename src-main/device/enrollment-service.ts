import { err, ok, type Result } from '../../src-shared/api/result';
import type { OpOutput } from '../../src-shared/api/contract';
import type { DeviceMeta } from './device-meta';
import type { Logger } from '../logger';
import type { ConnectionMonitor } from '../server-link/connection-monitor';
import type { ServerClient } from '../server-link/server-client';
import type { Store } from '../store/open-store';
import { resetReplica } from '../sync/replica-reset';
import { recordServerIdentity } from './device-identity';
import type { DeviceMode } from '../../src-shared/domain/device-mode';

/** Enrolls this device with the central server, once. */
export class EnrollmentService {
  constructor(
    private readonly client: ServerClient,
    private readonly serverUrl: string,
    private readonly meta: DeviceMeta,
    private readonly connection: ConnectionMonitor,
    private readonly log: Logger,
    private readonly store: Store,
    /** The mode the config asks for (`device.mode`), if any: a code for another mode is refused. */
    private readonly configuredMode: DeviceMode | undefined = undefined,
  ) {}

  private inFlight: Promise<Result<OpOutput<'device.enroll'>>> | null = null;

  /** One enrollment at a time: a double tap or a start-up code racing staff must not make two devices. */
  enroll(code: string): Promise<Result<OpOutput<'device.enroll'>>> {
    if (this.inFlight !== null) {
      return Promise.resolve(err('conflict', 'Ya se está inscribiendo este dispositivo. Espere un momento.'));
    }
    this.inFlight = this.enrollOnce(code).finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** Settles when any enrollment under way has finished; for a clean stop. */
  async settled(): Promise<void> {
    await this.inFlight?.catch(() => undefined);
  }

  private async enrollOnce(code: string): Promise<Result<OpOutput<'device.enroll'>>> {
    const current = this.meta.get('deviceId');
    // A device whose token the server refused (revoked) may enroll again with a new code.
    if (current !== null && this.meta.get('tokenRefusedAt') === null) {
      return err(
        'conflict',
        'Este dispositivo ya está inscrito en el servidor central. Para cambiarlo, un administrador debe revocarlo primero.',
      );
    }
    const answer = await this.client.enroll(code);
    if (!answer.ok) return answer;
    const { deviceId, deviceName, token, deployment, mode } = answer.value;
    if (this.configuredMode !== undefined && this.configuredMode !== mode) {
      // The server made a device this one will not be; an administrator revokes it.
      this.log.warn({ deviceId, mode, configured: this.configuredMode }, 'enrollment code of another mode refused');
      return err(
        'conflict',
        `El código es de un equipo en modo ${mode} y este está configurado como ${this.configuredMode} (device.mode). ` +
          'Pida al administrador un código del modo correcto (y que revoque el dispositivo creado con este).',
      );
    }
    const previousDeployment = this.meta.get('deploymentId');
    if (previousDeployment !== null && previousDeployment !== deployment.id) {
      this.log.warn('enrolled with another deployment: the replica starts again from scratch');
      resetReplica(this.store);
    }
    this.meta.set({ deviceId, deviceName, deviceToken: token, deploymentId: deployment.id, serverUrl: this.serverUrl });
    recordServerIdentity(this.store, this.meta, answer.value);
    this.meta.delete('tokenRefusedAt');
    this.log.info({ deviceId }, 'device enrolled with the central server');
    await this.connection.check();
    return ok({ deviceId, deviceName });
  }
}
