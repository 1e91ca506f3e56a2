/** The three ways one installation is used (docs/architecture.md). */
export const deviceModes = ['kiosk', 'cashier', 'field'] as const;
export type DeviceMode = (typeof deviceModes)[number];
