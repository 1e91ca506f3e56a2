import { err, ok, type Result } from '../api/result';
import { bogotaDate, formatDateEs } from '../domain/calendar-es';
import { paymentElementString, type PaymentElementString } from '../domain/gs1-128';
import { formatDocument } from '../domain/identity-document';
import { formatCop } from '../domain/money';
import { formatNit } from '../domain/nit';
import { holderName, type HolderData } from './holder-fields';
import { volanteBarcodeConfig } from './volante-barcode';

/**
 * The «volante de pago en bancos y corresponsales bancarios» of a liquidación (guide 001 §11),
 * as facts both of its forms print — the letter PDF the server draws
 * (src-server/wallet/documents/volante-pdf.ts) and the thermal slip a receipt-only kiosk prints
 * (volante-slip.ts) — so the two never disagree.
 *
 * The barcode is the bills' GS1-128 (src-shared/domain/gs1-128.ts) with the wallet's own GLN
 * (WalletConfig.recaudoGln) in AI 415, the liquidación number as the AI 8020 reference, its
 * amount in AI 3900 and its due date (the Bogotá day it expires) in AI 96, with the lengths
 * volante-barcode.ts fixes for whoever prints and whoever reads a volante (a counter offline
 * reads it without asking the server).
 */

/** The liquidación a volante is printed for. */
export interface VolanteLiquidation {
  /** «Liquidación Nro.», also the payment reference. */
  readonly number: number;
  /** Whole pesos. */
  readonly amount: number;
  /** When it stops being payable; its Bogotá day is the due date in the barcode. */
  readonly expiresAt: Date | string;
  /** `XLrWX7`: lets the citizen resume it («Recuperar transacción»). */
  readonly recoveryCode: string;
  /** The client data it was made with (the recibo de caja is issued with them). */
  readonly client: HolderData;
}

/** Who collects: the entity's name and NIT body (without the check digit; printed with it). */
export interface DocumentEntity {
  readonly name: string;
  /** Digits without the check digit, or '' when the server has no entity setting. */
  readonly nit: string;
  readonly address?: string;
  readonly phone?: string;
  readonly website?: string;
}

export interface VolanteInput {
  readonly entity: DocumentEntity;
  readonly liquidation: VolanteLiquidation;
  /** The wallet's GS1 GLN for recaudo (WalletConfig.recaudoGln), AI 415. */
  readonly gln: string;
  /** Names of the partner banks and corresponsales (WalletConfig.banks). */
  readonly banks: readonly string[];
}

/** What a volante says, in print order. */
export interface VolanteFacts {
  readonly entityName: string;
  /** `NIT 800.123.456-7`, or '' without one. */
  readonly entityNit: string;
  readonly title: string;
  /** Label–value rows: liquidación, type, amount, due date, holder, identification, code. */
  readonly rows: readonly (readonly [string, string])[];
  readonly barcode: PaymentElementString;
  readonly banksIntro: string;
  readonly banks: readonly string[];
  readonly notes: readonly string[];
}

export const volanteTitle = 'VOLANTE DE PAGO EN BANCOS Y CORRESPONSALES BANCARIOS';
export const volanteCashierNote = 'Señor cajero: por favor no coloque el sello sobre el código de barras.';

/** The facts of a volante; refused (in Spanish) when the liquidación does not fit the convenio's barcode. */
export function volanteFacts(input: VolanteInput): Result<VolanteFacts> {
  const { liquidation, entity } = input;
  const dueOn = bogotaDate(new Date(liquidation.expiresAt).toISOString());
  const barcode = paymentElementString(volanteBarcodeConfig(input.gln), {
    reference: String(liquidation.number),
    amountPesos: liquidation.amount,
    dueOn,
  });
  if (!barcode.ok) {
    return err('validation', `No se puede imprimir el volante de esta liquidación: ${barcode.error.message}`);
  }
  const client = liquidation.client;
  return ok({
    entityName: entity.name,
    entityNit: entity.nit === '' ? '' : `NIT ${formatNit(entity.nit)}`,
    title: volanteTitle,
    rows: [
      ['Liquidación Nro.', String(liquidation.number)],
      ['Tipo de trámite', 'prepago'],
      ['Valor a pagar', formatCop(liquidation.amount)],
      ['Pague hasta', formatDateEs(dueOn)],
      ['Titular', holderName(client.identity)],
      ['Identificación', formatDocument(client.docType, client.docNumber)],
      ['Código de recuperación', liquidation.recoveryCode],
    ],
    barcode: barcode.value,
    banksIntro:
      input.banks.length === 0
        ? 'Pague en cualquiera de nuestras oficinas.'
        : 'Pague este volante en cualquiera de las entidades financieras o corresponsales bancarios con los que tenemos convenio de recaudo:',
    banks: input.banks,
    notes: [
      'El valor se abona a su prepago cuando el banco reporte el pago. El saldo prepagado no vence.',
      `Después del ${formatDateEs(dueOn)} el banco puede no recibir este volante: cree una liquidación nueva.`,
      volanteCashierNote,
    ],
  });
}
