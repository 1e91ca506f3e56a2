import type { DeviceMode } from '../../src-shared/domain/device-mode';

/** How staff call each mode. */
export const deviceModeNames: Record<DeviceMode, string> = {
  kiosk: 'Kiosco de autoservicio',
  cashier: 'Caja',
  field: 'Recaudo en campo',
};
