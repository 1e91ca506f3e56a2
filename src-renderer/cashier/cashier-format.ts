import { formatCop, parseCop } from '../../src-shared/domain/money';

/** Amounts as the cashier types them (`50000`, `50.000`, `$ 50.000`); null when empty or not a number. */
export const readPesos = (text: string): number | null => parseCop(text);

/** `$ 50.000` with a normal space, for inputs and tables. */
export const pesos = (value: number): string => formatCop(value).replace('\u00a0', ' ');
