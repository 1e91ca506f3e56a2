import { useEffect, useRef } from 'react';
import { assertNever } from '../../src-shared/api/result';
import { Button } from '../ui/Button';
import { reveal } from '../ui/reveal';
import type { PrintProgress } from './usePrintJob';
import './print-status.css';

const noPrinterText = 'Este punto de atención no tiene una impresora disponible en este momento.';
/** What else the citizen can do, in the words of where they are: the bill's screen, or its viewer. */
const noPrinterAdvice = {
  screen:
    'Toque «Ver la factura» para verla en pantalla o llevarla a su celular, o pídala en la ventanilla de atención.',
  viewer: 'Toque «Llevar a mi celular» para tenerla en su teléfono, o pídala en la ventanilla de atención.',
} as const;

function Working({ text }: { readonly text: string }) {
  return (
    <div className="print-status print-status--working" role="status">
      <span className="bills-spinner" aria-hidden="true" />
      <p>{text}</p>
    </div>
  );
}

function Problem({
  text,
  action,
  onAction,
  other,
}: {
  readonly text: string;
  readonly action: string;
  readonly onAction: () => void;
  /** A second way forward, beside the first. */
  readonly other?: { readonly action: string; readonly onAction: () => void };
}) {
  // The message appears under the print button, often below the fold of a kiosk screen: bring
  // it, and its "Reintentar", into view rather than leave the citizen waiting for nothing.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (box.current !== null) reveal(box.current);
  }, [text]);
  return (
    <div className="print-status print-status--problem" ref={box}>
      <p role="alert">{text}</p>
      <div className="print-status__actions">
        <Button onClick={onAction}>{action}</Button>
        {other !== undefined && (
          <Button variant="secondary" onClick={other.onAction}>
            {other.action}
          </Button>
        )}
      </div>
    </div>
  );
}

/** How the status names the document printed: «su factura», «su volante de pago». */
export interface PrintedDocumentWords {
  /** «su factura» */
  readonly yours: string;
  /** «la factura» */
  readonly the: string;
  /** «Retírela», «Retírelo»: the document's gender. */
  readonly takeIt: string;
  /** What else the citizen can do without a printer; the bill's advice when absent. */
  readonly noPrinter?: string;
}

const billWords: PrintedDocumentWords = { yours: 'su factura', the: 'la factura', takeIt: 'Retírela' };
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** What the printer is doing with the citizen's document, in words, with a way forward when it fails. */
export function PrintStatus({
  progress,
  onRetry,
  onResolve,
  where = 'screen',
  words = billWords,
}: {
  readonly progress: PrintProgress;
  readonly onRetry: () => void;
  /** For a job that may have printed: the citizen says whether the sheet came out. */
  readonly onResolve: (resolution: 'done' | 'again') => void;
  /** Shown on the bill's screen or inside the document viewer. */
  readonly where?: keyof typeof noPrinterAdvice;
  /** The document's name in the messages; a bill's when absent. */
  readonly words?: PrintedDocumentWords;
}) {
  const yours = words.yours;
  const Yours = capital(words.yours);
  switch (progress.phase) {
    case 'idle':
      return null;
    case 'sending':
      return <Working text={`Enviando ${yours} a la impresora…`} />;
    case 'waiting':
      return (
        <Working
          text={
            progress.job?.state === 'printing'
              ? `Imprimiendo ${yours}… Espere a que salga la hoja.`
              : `${Yours} está en la cola de impresión. Espere un momento…`
          }
        />
      );
    case 'done':
      return (
        <div className="print-status print-status--done" role="status">
          <p>{`${Yours} se imprimió. ${words.takeIt} de la bandeja de la impresora.`}</p>
        </div>
      );
    case 'failed':
      return (
        <Problem
          text={`No se pudo imprimir ${words.the}: ${progress.message}`}
          action="Reintentar"
          onAction={onRetry}
        />
      );
    case 'unknown':
      return (
        <Problem
          text={`No sabemos si ${yours} alcanzó a imprimirse. Mire la bandeja de la impresora: ¿salió la hoja?`}
          action="Sí, ya salió"
          onAction={() => onResolve('done')}
          other={{ action: 'No salió: imprimir de nuevo', onAction: () => onResolve('again') }}
        />
      );
    case 'refused':
      return (
        <Problem
          text={
            progress.error.code === 'printer-offline'
              ? `${noPrinterText} ${words.noPrinter ?? noPrinterAdvice[where]}`
              : progress.error.message
          }
          action="Reintentar"
          onAction={onRetry}
        />
      );
    case 'stalled':
      return (
        <Problem
          text={`La impresora está tardando más de lo normal. ${Yours} sigue en la cola; si no sale, avise al personal de la oficina.`}
          action="Seguir esperando"
          onAction={onRetry}
        />
      );
    default:
      return assertNever(progress);
  }
}
