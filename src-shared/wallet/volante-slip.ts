import type { Result } from '../api/result';
import type { ReceiptLine, ReceiptModel } from '../receipts/receipt-model';
import { volanteFacts, type VolanteFacts, type VolanteInput } from './volante';

/**
 * The volante de pago en bancos as a thermal slip, for kiosks with only a receipt printer (as
 * the bill slip, src-shared/domain/bill-slip.ts): the same facts as the PDF volante, the
 * GS1-128 printed along the paper by the receipt printer (a `gs1-128` line:
 * src-main/devices/receipt-printer/ladder-barcode.ts), the banks that take it.
 */
export function volanteSlip(input: VolanteInput): Result<ReceiptModel> {
  const facts = volanteFacts(input);
  return facts.ok ? { ok: true, value: volanteSlipFromFacts(facts.value) } : facts;
}

export function volanteSlipFromFacts(facts: VolanteFacts): ReceiptModel {
  const lines: ReceiptLine[] = [{ kind: 'text', text: facts.entityName, align: 'center', bold: true }];
  if (facts.entityNit !== '') lines.push({ kind: 'text', text: facts.entityNit, align: 'center' });
  lines.push({ kind: 'rule' }, { kind: 'text', text: facts.title, align: 'center', bold: true });
  for (const [label, value] of facts.rows) {
    // Names are long: on their own line rather than squeezed beside the label.
    if (label === 'Titular') lines.push({ kind: 'text', text: `${label}: ${value}` });
    else lines.push({ kind: 'pair', left: label, right: value, bold: label === 'Valor a pagar' });
  }
  lines.push(
    { kind: 'rule' },
    { kind: 'text', text: 'Pague con este código de barras:', align: 'center' },
    { kind: 'gs1-128', data: facts.barcode.data, hri: facts.barcode.hri },
    { kind: 'rule' },
    { kind: 'text', text: facts.banksIntro },
  );
  for (const bank of facts.banks) lines.push({ kind: 'text', text: `- ${bank}` });
  for (const note of facts.notes) lines.push({ kind: 'text', text: note });
  lines.push({ kind: 'feed', lines: 1 });
  return { lines, cut: true, openDrawer: false };
}
