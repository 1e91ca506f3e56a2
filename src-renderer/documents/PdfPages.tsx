import { useEffect, useRef, useState } from 'react';
import { useIdleStore } from '../session/idle-store';
import { openPdf, type OpenedPdf } from './pdf-renderer';

interface PdfPagesProps {
  readonly bytes: Uint8Array;
  /** What the document is, for screen readers: «Factura de marzo de 2026». */
  readonly label: string;
}

type Loaded =
  | { readonly phase: 'loading' }
  | { readonly phase: 'ready'; readonly pdf: OpenedPdf; readonly aspects: readonly number[] }
  | { readonly phase: 'failed' };

/** Widest a page is drawn: at 1 100 px a letter page's 9 pt print reads like 16 px text. */
const maxPageWidth = 1100;

/**
 * The document's pages one under another, drawn by pdf.js onto canvas, as wide as the screen
 * allows. Scrolling them is the citizen reading: it counts as activity for the idle timer (taps
 * and the wheel already do, anywhere on the page).
 */
export function PdfPages({ bytes, label }: PdfPagesProps) {
  const [loaded, setLoaded] = useState<Loaded>({ phase: 'loading' });
  const [width, setWidth] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let opened: OpenedPdf | null = null;
    let gone = false;
    void (async () => {
      try {
        opened = await openPdf(bytes);
        const aspects = await Promise.all(
          Array.from({ length: opened.pageCount }, (_, index) => opened?.aspect(index + 1) ?? 1.3),
        );
        if (!gone) setLoaded({ phase: 'ready', pdf: opened, aspects });
      } catch {
        if (!gone) setLoaded({ phase: 'failed' });
      }
    })();
    return () => {
      gone = true;
      void opened?.close();
    };
  }, [bytes]);

  // The pages are as wide as the viewer once it is shown (a closed dialog has no width yet).
  useEffect(() => {
    const element = scroller.current;
    if (element === null) return undefined;
    const measure = () => {
      const style = getComputedStyle(element);
      const inner = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      setWidth(Math.max(0, Math.min(maxPageWidth, Math.floor(inner))));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    measure();
    return () => observer.disconnect();
  }, []);

  return (
    <div
      ref={scroller}
      className="pdf-pages"
      role="document"
      aria-label={label}
      aria-busy={loaded.phase === 'loading'}
      tabIndex={0}
      onScroll={() => useIdleStore.getState().noteActivity(Date.now())}
    >
      {loaded.phase === 'loading' && <p className="pdf-pages__note">Abriendo el documento…</p>}
      {loaded.phase === 'failed' && (
        <p className="pdf-pages__note" role="alert">
          No se pudo mostrar el documento. Ciérrelo e intente de nuevo; si sigue igual, avise al personal.
        </p>
      )}
      {loaded.phase === 'ready' &&
        width > 0 &&
        loaded.aspects.map((aspect, index) => (
          <PdfPage
            key={index}
            pdf={loaded.pdf}
            number={index + 1}
            count={loaded.aspects.length}
            width={width}
            aspect={aspect}
          />
        ))}
    </div>
  );
}

interface PdfPageProps {
  readonly pdf: OpenedPdf;
  readonly number: number;
  readonly count: number;
  readonly width: number;
  readonly aspect: number;
}

function PdfPage({ pdf, number, count, width, aspect }: PdfPageProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    const target = canvas.current;
    if (target === null) return;
    let gone = false;
    void pdf
      .drawPage(number, target, width, window.devicePixelRatio || 1)
      .then(() => {
        if (!gone) setDrawn(true);
      })
      .catch(() => undefined);
    return () => {
      gone = true;
    };
  }, [pdf, number, width]);

  return (
    <canvas
      ref={canvas}
      className="pdf-pages__page"
      role="img"
      aria-label={`Página ${number} de ${count}`}
      data-drawn={drawn ? 'yes' : 'no'}
      style={{ width: `${width}px`, height: `${Math.round(width * aspect)}px` }}
    />
  );
}
