import { useEffect, useRef, useState } from 'react';
import type { DocumentFile } from '../../src-shared/api/document';
import type { ApiError } from '../../src-shared/api/result';
import type { LiquidationValue } from '../../src-shared/server-api/wallet-api';
import { ProblemLine } from '../accounts/ProblemLine';
import { useApiClient } from '../api/useApiClient';
import { DocumentViewer } from '../documents/DocumentViewer';
import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';
import { walletProblem } from './useWalletCall';

type VolanteView =
  | { readonly phase: 'closed' }
  | { readonly phase: 'preparing' }
  | { readonly phase: 'open'; readonly document: DocumentFile }
  | { readonly phase: 'failed'; readonly error: ApiError };

/**
 * «Volante de pago en bancos y corresponsales bancarios» (guide 001 §11): the volante with its
 * GS1-128 in the kiosk's own viewer, held only while it is open.
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
        <Button size="large" disabled={view.phase === 'preparing'} onClick={open}>
          <Icon name="pdf" className="button__icon" />
          Ver el volante de pago
        </Button>
      </div>
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
        />
      )}
    </div>
  );
}
