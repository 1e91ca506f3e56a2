import type { PasswordWork } from '../accounts/password-work';
import type { ServerDatabase } from '../db/open';
import type { AuthenticatedDevice } from '../devices/auth';
import type { Logger } from '../logger';
import type { WalletConfig } from './wallet-config';
import { err, ok, type Result } from '../../src-shared/api/result';
import type { DeviceMode } from '../../src-shared/domain/device-mode';

/** What the citizen wallet services need from the running server. */
export interface WalletContext {
  readonly database: ServerDatabase;
  readonly config: WalletConfig;
  /** Sends mail queued by a transaction that just committed. */
  readonly mail: { wake(): void };
  readonly log: Logger;
  readonly now: () => Date;
  /** Every clave hash or check goes through it: bounded per device and in all (accounts' PasswordWork). */
  readonly passwords: PasswordWork;
}

/** The one answer to an identification and clave that do not open a wallet, whatever the reason. */
export const wrongClave =
  'La identificación o la clave no son correctas. Revise los datos; si olvidó la clave, solicite una nueva.';

/** The one answer to «Recuperar transacción» that finds nothing, whatever the reason. */
export const noSuchTransaction =
  'No encontramos una transacción con esos datos. Revise el tipo y número de identificación y el código de recuperación (las mayúsculas y minúsculas cuentan) e intente de nuevo.';

/** Citizens' wallet work is done at kiosks and office counters; field laptops have no part in it. */
const walletModes: readonly DeviceMode[] = ['kiosk', 'cashier'];

/** The device may serve the citizen wallet, decided from the server's record of it. */
export function walletDevice(device: AuthenticatedDevice): Result<AuthenticatedDevice> {
  return walletModes.includes(device.mode)
    ? ok(device)
    : err(
        'forbidden',
        'Este equipo no atiende el prepago de servicios. Acérquese a un kiosco o a una caja de la oficina.',
      );
}

/** Only an office counter looks liquidaciones up to take their payment. */
export function cashierDevice(device: AuthenticatedDevice): Result<AuthenticatedDevice> {
  return device.mode === 'cashier'
    ? ok(device)
    : err('forbidden', 'Solo una caja de la oficina puede buscar liquidaciones para recibir su pago.');
}
