/**
 * Whole numbers in es-CO: `2.000`, `1.000.000`. Grouping is forced because Spanish locales
 * leave four-digit numbers ungrouped by default (`2000`), which reads like a year.
 */
const countFormat = new Intl.NumberFormat('es-CO', { maximumFractionDigits: 0, useGrouping: 'always' });

export const formatCount = (value: number): string => countFormat.format(value);
