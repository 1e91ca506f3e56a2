import { useCallback } from 'react';
import { useApiClient } from '../api/useApiClient';
import { DocumentViewer } from '../documents/DocumentViewer';
import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';
import { PrintStatus } from './PrintStatus';
import { useBillPhoneLink } from './useBillPhoneLink';
import { usePdfView } from './usePdfView';
import { usePrintJob } from './usePrintJob';

interface BillActionsProps {
  readonly accessId: string;
  readonly billNumber: number;
  /** The viewer's title, e.g. "Factura de marzo de 2025". */
  readonly title: string;
}

/**
 * "Imprimir factura" and "Ver la factura" for one bill, with their progress and problems. The
 * bill opens in the kiosk's own viewer, where it can be printed or taken to the phone, never
 * downloaded onto this public machine.
 */
export function BillActions({ accessId, billNumber, title }: BillActionsProps) {
  const client = useApiClient();
  const queue = useCallback(() => client.call('bills.print', { accessId, billNumber }), [client, accessId, billNumber]);
  const { progress, print, retry, resolve } = usePrintJob(queue);
  const pdf = usePdfView(billNumber, accessId);
  const phone = useBillPhoneLink(billNumber, accessId);
  const printing = progress.phase === 'sending' || progress.phase === 'waiting';
  const preparing = pdf.view.phase === 'preparing';
  const close = () => {
    phone.dismiss();
    pdf.close();
  };

  return (
    <div className="bill-actions">
      <div className="bills-actions">
        <Button size="large" disabled={printing} onClick={print}>
          <Icon name="print" className="button__icon" />
          Imprimir factura
        </Button>
        <Button size="large" variant="secondary" disabled={preparing} onClick={pdf.open}>
          <Icon name="pdf" className="button__icon" />
          Ver la factura
        </Button>
      </div>
      <PrintStatus progress={progress} onRetry={retry} onResolve={resolve} />
      {preparing && (
        <div className="print-status print-status--working" role="status">
          <span className="bills-spinner" aria-hidden="true" />
          <p>Preparando su factura…</p>
        </div>
      )}
      {pdf.view.phase === 'failed' && (
        <p className="bills-alert" role="alert">
          {pdf.view.error.message}
        </p>
      )}
      {pdf.view.phase === 'open' && (
        <DocumentViewer
          document={pdf.view.document}
          title={title}
          onClose={close}
          print={{
            run: print,
            busy: printing,
            status: <PrintStatus progress={progress} onRetry={retry} onResolve={resolve} where="viewer" />,
          }}
          phone={phone}
        />
      )}
    </div>
  );
}
