import { usePrintOutcome } from './usePrintOutcome';

/**
 * After a charge: what the receipt printer did with the receipt, followed until it is printed
 * or failed. `recorded` says in Spanish what stays true either way («el pago quedó registrado»).
 */
export function ReceiptPrinted({
  jobId,
  printerProblem,
  recorded,
}: {
  readonly jobId: string | null;
  readonly printerProblem: string | null;
  readonly recorded: string;
}) {
  const [outcome] = usePrintOutcome(jobId, printerProblem);
  const opening = recorded.charAt(0).toUpperCase() + recorded.slice(1);
  return (
    <p role="status" className={outcome.state === 'failed' ? 'cashier-problem' : undefined}>
      {outcome.state === 'printing' && 'Imprimiendo el recibo…'}
      {outcome.state === 'done' && 'Recibo impreso.'}
      {outcome.state === 'none' && `Sin impresora de recibos: ${recorded}.`}
      {outcome.state === 'failed' &&
        `${opening}, pero el recibo no se imprimió: ${outcome.message} Reimprímalo desde «Pagos de la caja» (F4).`}
    </p>
  );
}
