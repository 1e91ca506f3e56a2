import type { FeatureId } from '../kiosk-home/feature-catalogue';

/**
 * The three bill functions of the guide (sections 4–6). Each has its own tile on the start
 * screen; once the código interno is validated the citizen moves between them freely.
 */
export const billsTasks = ['current', 'payments', 'previous'] as const;
export type BillsTask = (typeof billsTasks)[number];

export const taskFeature = {
  current: 'bill-print',
  payments: 'payment-history',
  previous: 'previous-bills',
} as const satisfies Record<BillsTask, FeatureId>;

/** The guide's menu names: the words a citizen already knows. */
export const taskTitle: Record<BillsTask, string> = {
  current: 'Facturación servicios públicos',
  payments: 'Historial de pagos',
  previous: 'Ver facturas anteriores',
};

/** What the citizen gets, said once at the start of each function. */
export const taskPurpose: Record<BillsTask, string> = {
  current: 'Consulte e imprima su factura actual con el código de barras para pagarla.',
  payments: 'Consulte los últimos pagos registrados de su código interno.',
  previous: 'Consulte las 5 facturas anteriores a su último pago.',
};
