import type { EnrollValue } from '../../src-shared/server-api/device-api';
import { deviceModes, type DeviceMode } from '../../src-shared/domain/device-mode';
import { ConfigError, type AppConfig } from '../config/app-config';
import type { Store } from '../store/open-store';
import type { DeviceMeta } from './device-meta';

/**
 * Who this device is, as the central server says (docs/trust-model.md): its mode, scope,
 * office and receipt series come with the enrollment and every hello, and are stored. The
 * server checks every request against its own record anyway; the device uses the stored copy
 * to serve only what its mode may do.
 */
export type ServerIdentity = Pick<EnrollValue, 'deviceName' | 'mode' | 'scope' | 'office' | 'receiptSeries'>;

const modeNames: Record<DeviceMode, string> = {
  kiosk: 'kiosco (kiosk)',
  cashier: 'caja (cashier)',
  field: 'campo (field)',
};

/** Stores what the server said and moves the receipt series forward to the server's next number. */
export function recordServerIdentity(store: Store, meta: DeviceMeta, identity: ServerIdentity): void {
  const write = store.sqlite.transaction(() => {
    meta.set({
      deviceName: identity.deviceName,
      deviceMode: identity.mode,
      deviceScope: identity.scope ?? '',
      deviceOffice: identity.office ?? '',
      ...(identity.receiptSeries === null ? {} : { receiptPrefix: identity.receiptSeries.prefix }),
    });
    if (identity.receiptSeries !== null) {
      // Never backwards: numbers this device used and has not yet sent are ahead of the server's.
      store.sqlite
        .prepare(
          `INSERT INTO number_series (name, next) VALUES ('receipt', ?) ON CONFLICT (name) DO UPDATE SET next = max(next, excluded.next)`,
        )
        .run(identity.receiptSeries.next);
    }
  });
  write.immediate();
}

/** The mode the device works in: the server's once enrolled, else the config's, else a kiosk. */
export function effectiveMode(meta: DeviceMeta, config: Pick<AppConfig, 'device'>): DeviceMode {
  const fromServer = deviceModes.find((mode) => mode === meta.get('deviceMode'));
  return fromServer ?? config.device.mode ?? 'kiosk';
}

/** A mode the config asks for that the server did not enroll: the app must not start. */
export function modeMismatch(meta: DeviceMeta, config: Pick<AppConfig, 'device'>): string | null {
  const fromServer = deviceModes.find((mode) => mode === meta.get('deviceMode'));
  const asked = config.device.mode;
  if (fromServer === undefined || asked === undefined || fromServer === asked) return null;
  return (
    `Este equipo está inscrito en el servidor central como ${modeNames[fromServer]}, pero su configuración ` +
    `(device.mode) dice ${modeNames[asked]}. Quite device.mode de la configuración o corríjalo; para cambiar ` +
    'de modo, un administrador debe revocar el equipo y darle un código de inscripción del modo nuevo.'
  );
}

/** Throws the mismatch as a start-up error (scripts/run-app.ts prints it as it is). */
export function assertConfiguredMode(meta: DeviceMeta, config: Pick<AppConfig, 'device'>): void {
  const mismatch = modeMismatch(meta, config);
  if (mismatch !== null) throw new ConfigError(mismatch);
}
