import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { DocumentFile } from '../../src-shared/api/document';
import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';
import { ImagePage } from './ImagePage';
import { PdfPages } from './PdfPages';
import { PhoneLinkPanel } from './PhoneLinkPanel';
import type { PhoneLinkControl } from './phone-link-state';
import './document-viewer.css';

interface DocumentViewerProps {
  readonly document: DocumentFile;
  /** «Factura de marzo de 2026». */
  readonly title: string;
  readonly onClose: () => void;
  /** «Imprimir»: the tap, whether a print is under way, and what the printer is doing. */
  readonly print?: { readonly run: () => void; readonly busy: boolean; readonly status: ReactNode };
  /** «Llevar a mi celular»; absent where a document is not the citizen's to take. */
  readonly phone?: PhoneLinkControl;
}

/**
 * A document over the whole kiosk screen, drawn by the app itself (pdf.js onto canvas, no
 * browser PDF viewer; a photo decoded onto canvas too): the citizen may read it, print it, take it to their phone or close it,
 * and nothing else — no download, no save, no print-to-file, nothing written on the kiosk.
 * A modal dialog: the idle warning, opened later, still comes on top of it.
 */
export function DocumentViewer({ document, title, onClose, print, phone }: DocumentViewerProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
  }, []);

  const asking = phone?.state.phase === 'asking';
  return (
    <dialog
      ref={dialogRef}
      className="document-viewer"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="document-viewer__bar">
        <h2 id={titleId} className="document-viewer__title">
          {title}
        </h2>
        <p className="document-viewer__hint">Deslice el documento hacia arriba o abajo para leerlo.</p>
      </header>
      {document.contentType === 'application/pdf' ? (
        <PdfPages bytes={document.bytes} label={title} />
      ) : (
        <ImagePage bytes={document.bytes} contentType={document.contentType} label={title} />
      )}
      {phone !== undefined && <PhoneLinkPanel phone={phone} />}
      {print !== undefined && <div className="document-viewer__status">{print.status}</div>}
      <nav className="document-viewer__actions" aria-label="Qué hacer con el documento">
        {print !== undefined && (
          <Button size="large" disabled={print.busy} onClick={print.run}>
            <Icon name="print" className="button__icon" />
            Imprimir
          </Button>
        )}
        {phone !== undefined && (
          <Button size="large" variant="secondary" disabled={asking} onClick={phone.request}>
            <Icon name="phone" className="button__icon" />
            Llevar a mi celular
          </Button>
        )}
        <Button size="large" variant="secondary" autoFocus onClick={onClose}>
          <Icon name="close" className="button__icon" />
          Cerrar
        </Button>
      </nav>
    </dialog>
  );
}
