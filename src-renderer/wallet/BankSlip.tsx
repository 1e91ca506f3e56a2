import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentFile } from '../../src-shared/api/document';
import type { ApiError } from '../../src-shared/api/result';
import type { LiquidationValue } from '../../src-shared/server-api/wallet-api';
import { ProblemLine } from '../accounts/ProblemLine';
import { useApiClient } from '../api/useApiClient';
import { PrintStatus, type PrintedDocumentWords } from '../bills/PrintStatus';
import { usePrintJob } from '../bills/usePrintJob';
import { DocumentViewer } from '../documents/DocumentViewer';
import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';
import { walletProblem } from './useWalletCall';

type VolanteView =
  | { readonly phase: 'closed' }
  | { readonly phase: 'preparing' }
  | { readonly phase: 'open'; readonly document: DocumentFile }
  | { readonly phase: 'failed'; readonly error: ApiError };

/** The volante in the print status's words; without a printer, what the citizen can still do. */
const volanteWords: PrintedDocumentWords = {
  yours: 'su volante de pago',
  the: 'el volante de pago',
  takeIt: 'Retírelo',
  noPrinter:
    'Anote el número de la liquidación y su código de recuperación: con ellos puede pagar en cualquiera de nuestras oficinas.',
};

/**
 * «Volante de pago en bancos y corresponsales bancarios» (guide 001 §11): the volante printed —
 * on the document printer, or as a thermal volante on a kiosk with only a receipt printer — or
 * seen with its GS1-128 in the kiosk's own viewer, held only while it is open.
 */
export function BankSlip({
  liquidation,
  description,
}: {
  readonly liquidation: LiquidationValue;
  /** The server's words, with the banks that take the volante. */
  readonly description: string;
}) {
  const client = useApiClient();
  const [view, setView] = useState<VolanteView>({ phase: 'closed' });
  const queue = useCallback(
    () =>
      client.call('wallet.printVolante', {
        liquidationId: liquidation.liquidationId,
        recoveryCode: liquidation.recoveryCode,
      }),
    [client, liquidation.liquidationId, liquidation.recoveryCode],
  );
  const printJob = usePrintJob(queue);
  const printing = printJob.progress.phase === 'sending' || printJob.progress.phase === 'waiting';
  const status = (where: 'screen' | 'viewer') => (
    <PrintStatus
      progress={printJob.progress}
      onRetry={printJob.retry}
      onResolve={printJob.resolve}
      where={where}
      words={volanteWords}
    />
  );
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const open = () => {
    setView({ phase: 'preparing' });
    void client
      .call('wallet.volante', { liquidationId: liquidation.liquidationId, recoveryCode: liquidation.recoveryCode })
      .then((result) => {
        if (!mounted.current) return;
        setView(
          result.ok
            ? { phase: 'open', document: result.value }
            : { phase: 'failed', error: walletProblem(result.error) },
        );
      });
  };

  return (
    <div className="wallet-way-panel" role="region" aria-label="Volante de pago en bancos">
      <p className="bills-lead">{description}</p>
      <div className="account-actions">
        <Button size="large" disabled={printing} onClick={printJob.print}>
          <Icon name="print" className="button__icon" />
          Imprimir el volante
        </Button>
        <Button size="large" variant="secondary" disabled={view.phase === 'preparing'} onClick={open}>
          <Icon name="pdf" className="button__icon" />
          Ver el volante de pago
        </Button>
      </div>
      {view.phase !== 'open' && status('screen')}
      {view.phase === 'preparing' && (
        <div className="print-status print-status--working" role="status">
          <span className="bills-spinner" aria-hidden="true" />
          <p>Preparando el volante de pago…</p>
        </div>
      )}
      {view.phase === 'failed' && <ProblemLine problem={view.error} />}
      {view.phase === 'open' && (
        <DocumentViewer
          document={view.document}
          title={`Volante de pago · Liquidación Nro. ${liquidation.number}`}
          onClose={() => setView({ phase: 'closed' })}
          print={{ run: printJob.print, busy: printing, status: status('viewer') }}
        />
      )}
    </div>
  );
}
