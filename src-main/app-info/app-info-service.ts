import type { AppInfo, EntityInfo } from '../../src-shared/api/ops/app';
import { formatNit } from '../../src-shared/domain/nit';
import { ok, type Result } from '../../src-shared/api/result';
import type { AppConfig } from '../config/app-config';
import type { DeviceMeta } from '../device/device-meta';
import type { DeviceMode } from '../../src-shared/domain/device-mode';
import { z } from 'zod';

const ServerEntity = z.object({ name: z.string().min(1), nit: z.string().regex(/^\d{6,15}$/), city: z.string() });

/** Who this device is. The entity comes from the central server once it has said so, else from config. */
export class AppInfoService {
  constructor(
    private readonly config: AppConfig,
    private readonly meta: DeviceMeta,
    /** The mode the server enrolled the device as (device-identity.ts). */
    private readonly mode: () => DeviceMode,
  ) {}

  info(): Promise<Result<AppInfo>> {
    return Promise.resolve(
      ok({
        entity: this.entity(),
        device: {
          mode: this.mode(),
          name: this.meta.get('deviceName') ?? this.config.device.name,
          id: this.meta.get('deviceId'),
        },
        version: this.config.version,
        idle: { afterSeconds: this.config.kiosk.idleSeconds, warningSeconds: this.config.kiosk.warningSeconds },
      }),
    );
  }

  private entity(): EntityInfo {
    const fromServer = this.meta.get('serverEntity');
    const parsed = fromServer === null ? null : ServerEntity.safeParse(JSON.parse(fromServer));
    const source = parsed?.success ? parsed.data : this.config.entity;
    return { name: source.name, nit: formatNit(source.nit), city: source.city };
  }
}
