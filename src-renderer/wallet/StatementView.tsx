import { useState } from 'react';
import type { DocumentFile } from '../../src-shared/api/document';
import { documentTypes, formatDocument, type DocumentType } from '../../src-shared/domain/identity-document';
import { formatCop } from '../../src-shared/domain/money';
import type { StatementValue } from '../../src-shared/server-api/wallet-api';
import { ProblemLine } from '../accounts/ProblemLine';
import { DocumentViewer } from '../documents/DocumentViewer';
import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';
import { ContactForm } from './ContactForm';
import { KardexTable } from './KardexTable';
import { useWalletCall } from './useWalletCall';
import { useWalletStore, type HolderCredentials } from './wallet-store';
import { WalletFrame } from './WalletFrame';

const isDocumentType = (type: string): type is DocumentType => (documentTypes as readonly string[]).includes(type);

/** The holder's prepaid wallet after the clave: balance, kardex, pending liquidaciones, contact data. */
export function StatementView({
  credentials,
  statement,
}: {
  readonly credentials: HolderCredentials;
  readonly statement: StatementValue;
}) {
  const statementChanged = useWalletStore((state) => state.statementChanged);
  const showPending = useWalletStore((state) => state.showPending);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [pdf, setPdf] = useState<DocumentFile | null>(null);
  const { busy, problem, run } = useWalletCall();
  const { holder } = statement;
  const document = isDocumentType(holder.docType) ? formatDocument(holder.docType, holder.docNumber) : holder.docNumber;

  const openPdf = async () => {
    const file = await run('wallet.statementPdf', credentials);
    if (file !== null) setPdf(file);
  };

  if (editing) {
    return (
      <WalletFrame key="contact" title="Modificar datos de contacto">
        <ContactForm
          credentials={credentials}
          holder={holder}
          onCancel={() => setEditing(false)}
          onSaved={(next, message) => {
            statementChanged({ ...statement, holder: next });
            setSaved(message);
            setEditing(false);
          }}
        />
      </WalletFrame>
    );
  }

  return (
    <WalletFrame key="statement" title="Saldo y movimientos">
      {saved !== null && (
        <p className="account-done" role="status">
          {saved}
        </p>
      )}
      <section className="bills-card wallet-balance" aria-labelledby="wallet-balance-title">
        <div>
          <h2 id="wallet-balance-title" className="wallet-balance__label">
            Saldo disponible
          </h2>
          <p className="wallet-balance__value">{formatCop(statement.balance)}</p>
          <p className="bills-muted">El saldo prepagado no tiene vencimiento.</p>
        </div>
        <dl className="wallet-facts">
          <div>
            <dt>Titular</dt>
            <dd>{holder.name}</dd>
          </div>
          <div>
            <dt>Identificación</dt>
            <dd>{document}</dd>
          </div>
        </dl>
      </section>
      {statement.pending.length > 0 && (
        <section className="bills-card" aria-labelledby="wallet-pending-title">
          <h2 id="wallet-pending-title" className="wallet-section-title">
            Liquidaciones pendientes de pago
          </h2>
          <ul className="wallet-pending">
            {statement.pending.map((liquidation) => (
              <li key={liquidation.liquidationId} className="wallet-pending__item">
                <span>
                  Liquidación Nro. <strong>{liquidation.number}</strong> por{' '}
                  <strong>{formatCop(liquidation.amount)}</strong>
                </span>
                <Button variant="secondary" onClick={() => showPending(liquidation)}>
                  Ver formas de pago
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="bills-card" aria-labelledby="wallet-kardex-title">
        <h2 id="wallet-kardex-title" className="wallet-section-title">
          Movimientos
        </h2>
        <KardexTable rows={statement.kardex} />
        <div className="account-actions">
          <Button size="large" disabled={busy} onClick={() => void openPdf()}>
            <Icon name="pdf" className="button__icon" />
            {busy ? 'Preparando el estado de cuenta…' : 'Ver estado de cuenta'}
          </Button>
        </div>
        <ProblemLine problem={problem} />
      </section>
      <section className="bills-card" aria-labelledby="wallet-holder-data-title">
        <h2 id="wallet-holder-data-title" className="wallet-section-title">
          Datos de contacto
        </h2>
        <dl className="wallet-facts">
          <div>
            <dt>Correo electrónico</dt>
            <dd>{holder.contact.email}</dd>
          </div>
          <div>
            <dt>Celular</dt>
            <dd>{holder.contact.mobile}</dd>
          </div>
          <div>
            <dt>Teléfono fijo</dt>
            <dd>{holder.contact.landline ?? '—'}</dd>
          </div>
          <div>
            <dt>Dirección</dt>
            <dd>{holder.contact.address}</dd>
          </div>
          <div>
            <dt>Municipio</dt>
            <dd>{holder.contact.municipality}</dd>
          </div>
        </dl>
        <div className="account-actions">
          <Button
            variant="secondary"
            onClick={() => {
              setSaved(null);
              setEditing(true);
            }}
          >
            Modificar datos de contacto
          </Button>
        </div>
      </section>
      {pdf !== null && (
        <DocumentViewer document={pdf} title="Estado de cuenta del prepago" onClose={() => setPdf(null)} />
      )}
    </WalletFrame>
  );
}
