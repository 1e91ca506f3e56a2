import { z } from 'zod';
import { isValidGln } from '../../src-shared/domain/gs1-check-digit';

/**
 * The prepaid wallet's settings (docs/wallet.md), from the environment. Without gateway keys
 * the server runs the demo gateway (src-server/wallet/gateway/), which speaks Wompi's protocol
 * on loopback, so a demo and the tests run the real code path.
 */
export interface WalletConfig {
  /** Smallest and largest recharge, whole pesos (VENTANILLA_WALLET_MIN, VENTANILLA_WALLET_MAX). */
  readonly minAmount: number;
  readonly maxAmount: number;
  /** Days a liquidación may be paid in (VENTANILLA_LIQUIDATION_DAYS); a bank may still pay it late. */
  readonly liquidationDays: number;
  /** Wrong claves in a row after which the holder is mailed (VENTANILLA_CLAVE_ALERT_AFTER). */
  readonly claveAlertAfter: number;
  /** The entity's GS1 Global Location Number for recaudo (AI 415), 13 digits (VENTANILLA_RECAUDO_GLN). */
  readonly recaudoGln: string;
  /** The banks whose slips the volante lists and whose files are imported. */
  readonly banks: readonly { readonly code: string; readonly name: string }[];
  readonly gateway: GatewayConfig;
}

/**
 * `demo`: the server's own checkout page and signed events (its secrets made per start unless
 * given). `wompi`: WOMPI_PUBLIC_KEY, WOMPI_PRIVATE_KEY, WOMPI_EVENTS_SECRET,
 * WOMPI_INTEGRITY_SECRET and WOMPI_API_URL (sandbox or production).
 */
export type GatewayConfig =
  | {
      readonly kind: 'demo';
      readonly eventsSecret: string;
      readonly integritySecret: string;
    }
  | {
      readonly kind: 'wompi';
      readonly publicKey: string;
      readonly privateKey: string;
      readonly eventsSecret: string;
      readonly integritySecret: string;
      readonly apiUrl: string;
    };

/** A fixed GLN for demos: GS1 Colombia's prefix 770 and a valid check digit. */
export const demoRecaudoGln = '7709998000018';

export const defaultWalletConfig = (secrets: { eventsSecret: string; integritySecret: string }): WalletConfig => ({
  minAmount: 10_000,
  maxAmount: 5_000_000,
  liquidationDays: 5,
  claveAlertAfter: 5,
  recaudoGln: demoRecaudoGln,
  banks: [
    { code: '023', name: 'Banco de Occidente' },
    { code: '051', name: 'Banco Davivienda' },
    { code: '032', name: 'Banco Caja Social' },
  ],
  gateway: { kind: 'demo', ...secrets },
});

const Pesos = z.coerce.number().int().min(1_000).max(100_000_000);
const Days = z.coerce.number().int().min(1).max(60);
const Count = z.coerce.number().int().min(1).max(50);

/**
 * VENTANILLA_WALLET_MIN, VENTANILLA_WALLET_MAX, VENTANILLA_LIQUIDATION_DAYS,
 * VENTANILLA_CLAVE_ALERT_AFTER, VENTANILLA_RECAUDO_GLN, WOMPI_* (all four keys and the API URL,
 * or none). A wrong value is a Spanish `problem`, which loadServerConfig raises.
 */
export function loadWalletConfig(
  env: Record<string, string | undefined>,
  demoSecrets: { eventsSecret: string; integritySecret: string },
): WalletConfig | { readonly problem: string } {
  const defaults = defaultWalletConfig(demoSecrets);
  const read = <T>(name: string, schema: z.ZodType<T>, fallback: T, what: string): T | { problem: string } => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : { problem: `${name} debe ser ${what}, no «${raw}».` };
  };
  const minAmount = read(
    'VENTANILLA_WALLET_MIN',
    Pesos,
    defaults.minAmount,
    'un valor en pesos entre 1.000 y 100.000.000',
  );
  const maxAmount = read(
    'VENTANILLA_WALLET_MAX',
    Pesos,
    defaults.maxAmount,
    'un valor en pesos entre 1.000 y 100.000.000',
  );
  const days = read('VENTANILLA_LIQUIDATION_DAYS', Days, defaults.liquidationDays, 'un número de días entre 1 y 60');
  const alert = read('VENTANILLA_CLAVE_ALERT_AFTER', Count, defaults.claveAlertAfter, 'un número entre 1 y 50');
  for (const value of [minAmount, maxAmount, days, alert]) if (typeof value === 'object') return value;
  if ((minAmount as number) > (maxAmount as number))
    return { problem: 'VENTANILLA_WALLET_MIN no puede ser mayor que VENTANILLA_WALLET_MAX.' };
  const gln = env.VENTANILLA_RECAUDO_GLN?.trim() || defaults.recaudoGln;
  if (!isValidGln(gln))
    return {
      problem: `VENTANILLA_RECAUDO_GLN debe ser un GLN de 13 dígitos con su dígito de verificación, no «${gln}».`,
    };
  const wompiNames = [
    'WOMPI_PUBLIC_KEY',
    'WOMPI_PRIVATE_KEY',
    'WOMPI_EVENTS_SECRET',
    'WOMPI_INTEGRITY_SECRET',
    'WOMPI_API_URL',
  ] as const;
  const given = wompiNames.filter((name) => (env[name]?.trim() ?? '') !== '');
  let gateway: GatewayConfig = defaults.gateway;
  if (given.length > 0) {
    const missing = wompiNames.filter((name) => !given.includes(name));
    if (missing.length > 0)
      return { problem: `Para la pasarela en línea faltan ${missing.join(', ')} (se necesitan todas o ninguna).` };
    const value = (name: (typeof wompiNames)[number]) => env[name]?.trim() ?? '';
    if (!URL.canParse(value('WOMPI_API_URL')) || !value('WOMPI_API_URL').startsWith('https://'))
      return { problem: 'WOMPI_API_URL debe ser la dirección https de la API de la pasarela.' };
    gateway = {
      kind: 'wompi',
      publicKey: value('WOMPI_PUBLIC_KEY'),
      privateKey: value('WOMPI_PRIVATE_KEY'),
      eventsSecret: value('WOMPI_EVENTS_SECRET'),
      integritySecret: value('WOMPI_INTEGRITY_SECRET'),
      apiUrl: value('WOMPI_API_URL').replace(/\/+$/, ''),
    };
  }
  return {
    ...defaults,
    minAmount: minAmount as number,
    maxAmount: maxAmount as number,
    liquidationDays: days as number,
    claveAlertAfter: alert as number,
    recaudoGln: gln,
    gateway,
  };
}
