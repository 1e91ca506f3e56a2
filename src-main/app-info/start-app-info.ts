import type { DeviceMode } from '../../src-shared/domain/device-mode';
import type { Slice } from '../api/slice';
import type { AppConfig } from '../config/app-config';
import type { DeviceMeta } from '../device/device-meta';
import { AppInfoService } from './app-info-service';

/** Who this device is and for which entity: what every screen reads first. */
export function startAppInfo(deps: {
  readonly config: AppConfig;
  readonly meta: DeviceMeta;
  readonly mode: () => DeviceMode;
}): Slice {
  const info = new AppInfoService(deps.config, deps.meta, deps.mode);
  return {
    name: 'app-info',
    handlers: { 'app.info': () => info.info() },
    stop: () => Promise.resolve(),
  };
}
