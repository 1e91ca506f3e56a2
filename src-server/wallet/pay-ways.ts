import type { PayWay } from '../../src-shared/server-api/wallet-api';
import type { LiquidationState } from '../../src-shared/wallet/liquidation';
import type { WalletConfig } from './wallet-config';

/**
 * The ways a pending liquidación may be paid, in the guide's words (step 11): online from a
 * phone, the volante at a partner bank, or at an office's cash desk. A liquidación that is not
 * pending has none.
 */
export function payWays(config: WalletConfig, state: LiquidationState): PayWay[] {
  if (state !== 'pendiente') return [];
  return [
    {
      channel: 'gateway',
      label: 'Pago en línea',
      description:
        'Pague desde su celular en la plataforma segura de pagos, con tarjeta de crédito o débito a su cuenta de ahorros o corriente. El saldo se carga tan pronto se apruebe el pago.',
    },
    {
      channel: 'bank',
      label: 'Volante de pago en bancos',
      description: `Imprima el volante y páguelo en ${bankList(config)} o sus corresponsales bancarios. El saldo se carga cuando el banco reporte el pago.`,
    },
    {
      channel: 'counter',
      label: 'Pago en nuestras oficinas',
      description:
        'Acérquese a la caja de cualquiera de nuestras oficinas con el volante o el número de la liquidación.',
    },
  ];
}

/** «Banco de Occidente, Banco Davivienda o Banco Caja Social». */
function bankList(config: WalletConfig): string {
  const names = config.banks.map((bank) => bank.name);
  if (names.length === 0) return 'los bancos con los que tenemos convenio de recaudo';
  if (names.length === 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} o ${names.at(-1) ?? ''}`;
}
