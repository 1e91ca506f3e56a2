import type { DeviceMode } from '../domain/device-mode';

/**
 * The devices a citizen may file and follow support tickets at: a kiosk, and an office counter,
 * whose cashier may do it for a citizen standing there. A field laptop on a route does not: it
 * is offline for days and its staff collect payments. The central server decides by its own
 * record of the device's mode (src-server/tickets/device-tickets.ts); the device's contract
 * uses the same list, so a field device refuses before asking.
 */
export const ticketDeviceModes: readonly DeviceMode[] = ['kiosk', 'cashier'];
