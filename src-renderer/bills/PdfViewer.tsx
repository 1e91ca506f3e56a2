import { useEffect, useId, useRef } from 'react';
import { Button } from '../ui/Button';
import './pdf-viewer.css';

interface PdfViewerProps {
  readonly url: string;
  readonly title: string;
  readonly onClose: () => void;
}

/**
 * The bill's PDF over the whole screen, in the browser's own PDF viewer (its toolbar saves or
 * zooms). A modal dialog: the idle warning, opened later, still comes on top of it.
 */
export function PdfViewer({ url, title, onClose }: PdfViewerProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="pdf-viewer"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="pdf-viewer__bar">
        <h2 id={titleId} className="pdf-viewer__title">
          {title}
        </h2>
        <Button size="large" autoFocus onClick={onClose}>
          Cerrar
        </Button>
      </div>
      <iframe className="pdf-viewer__frame" src={url} title={title} />
    </dialog>
  );
}
