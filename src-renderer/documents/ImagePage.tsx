import { useEffect, useRef, useState } from 'react';
import { useIdleStore } from '../session/idle-store';

/** Widest a photo is drawn, as a page of a PDF is (PdfPages). */
const maxWidth = 1100;

type Drawn = 'loading' | 'ready' | 'failed';

/**
 * A photo (JPEG, PNG, WebP: a ticket's attachment) drawn onto a canvas as wide as the viewer
 * allows, like a PDF's page. Decoded from its bytes in memory (createImageBitmap): no URL is
 * made for it, so the page's image policy (`img-src 'self' data:`) needs no exception.
 */
export function ImagePage({
  bytes,
  contentType,
  label,
}: {
  readonly bytes: Uint8Array;
  readonly contentType: string;
  /** What the photo is, for screen readers: its file name. */
  readonly label: string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState<Drawn>('loading');

  useEffect(() => {
    const target = canvas.current;
    const box = scroller.current;
    if (target === null || box === null) return undefined;
    let gone = false;
    void createImageBitmap(new Blob([new Uint8Array(bytes)], { type: contentType }))
      .then((image) => {
        if (gone) return image.close();
        const style = getComputedStyle(box);
        const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const width = Math.max(1, Math.min(maxWidth, image.width, Math.floor(room)));
        const height = Math.round((image.height * width) / image.width);
        const ratio = window.devicePixelRatio || 1;
        target.width = Math.round(width * ratio);
        target.height = Math.round(height * ratio);
        target.style.width = `${width}px`;
        target.style.height = `${height}px`;
        target.getContext('2d')?.drawImage(image, 0, 0, target.width, target.height);
        image.close();
        setDrawn('ready');
      })
      .catch(() => {
        if (!gone) setDrawn('failed');
      });
    return () => {
      gone = true;
    };
  }, [bytes, contentType]);

  return (
    <div
      ref={scroller}
      className="pdf-pages"
      role="document"
      aria-label={label}
      aria-busy={drawn === 'loading'}
      tabIndex={0}
      onScroll={() => useIdleStore.getState().noteActivity(Date.now())}
    >
      {drawn === 'failed' && (
        <p className="pdf-pages__note" role="alert">
          No se pudo mostrar la imagen. Ciérrela e intente de nuevo; si sigue igual, avise al personal.
        </p>
      )}
      <canvas
        ref={canvas}
        className="pdf-pages__page"
        role="img"
        aria-label={label}
        data-drawn={drawn === 'ready' ? 'yes' : 'no'}
        hidden={drawn === 'failed'}
      />
    </div>
  );
}
