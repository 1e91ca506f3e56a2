/** The three ways one installation is used (DESIGN §intro). */
export const deviceModes = ['kiosk', 'cashier', 'field'] as const;
export type DeviceMode = (typeof deviceModes)[number];
