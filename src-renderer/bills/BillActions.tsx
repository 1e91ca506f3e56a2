import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';
import { PdfViewer } from './PdfViewer';
import { PrintStatus } from './PrintStatus';
import { usePdfView } from './usePdfView';
import { usePrintJob } from './usePrintJob';

interface BillActionsProps {
  readonly accessId: string;
  readonly billNumber: number;
  /** The viewer's title, e.g. "Factura de marzo de 2025". */
  readonly title: string;
}

/** "Imprimir factura" and "Ver / guardar PDF" for one bill, with their progress and problems. */
export function BillActions({ accessId, billNumber, title }: BillActionsProps) {
  const { progress, print, retry } = usePrintJob(billNumber, accessId);
  const pdf = usePdfView(billNumber, accessId);
  const printing = progress.phase === 'sending' || progress.phase === 'waiting';
  const preparing = pdf.view.phase === 'preparing';

  return (
    <div className="bill-actions">
      <div className="bills-actions">
        <Button size="large" disabled={printing} onClick={print}>
          <Icon name="print" className="button__icon" />
          Imprimir factura
        </Button>
        <Button size="large" variant="secondary" disabled={preparing} onClick={pdf.open}>
          <Icon name="pdf" className="button__icon" />
          Ver / guardar PDF
        </Button>
      </div>
      <PrintStatus progress={progress} onRetry={retry} />
      {preparing && (
        <div className="print-status print-status--working" role="status">
          <span className="bills-spinner" aria-hidden="true" />
          <p>Preparando el PDF de su factura…</p>
        </div>
      )}
      {pdf.view.phase === 'failed' && (
        <p className="bills-alert" role="alert">
          {pdf.view.error.message}
        </p>
      )}
      {pdf.view.phase === 'open' && <PdfViewer url={pdf.view.url} title={title} onClose={pdf.close} />}
    </div>
  );
}
