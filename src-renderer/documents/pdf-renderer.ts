import type * as PdfJsModule from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/**
 * pdf.js, loaded when the first document is opened (it is large, and most visits never open
 * one), drawing pages onto canvas in this page: no browser PDF viewer, no plugin, no frame, so
 * no download or print-to-file button exists to be pressed. Its worker is a script of the app
 * itself (`worker-src 'self'` in the CSP); code from strings is off (`isEvalSupported: false`,
 * the CSP has no 'unsafe-eval'), and nothing of the document is fetched from anywhere.
 */

export interface OpenedPdf {
  readonly pageCount: number;
  /** Height over width of page `number` (1-based), to lay the page out before it is drawn. */
  aspect(number: number): Promise<number>;
  /** Draws page `number` onto `canvas`, `cssWidth` pixels wide, sharp on the screen's pixel ratio. */
  drawPage(number: number, canvas: HTMLCanvasElement, cssWidth: number, pixelRatio: number): Promise<void>;
  close(): Promise<void>;
}

type PdfJs = typeof PdfJsModule;

let pdfjs: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist').then((module) => {
    module.GlobalWorkerOptions.workerSrc = workerUrl;
    return module;
  });
  return pdfjs;
}

export async function openPdf(bytes: Uint8Array): Promise<OpenedPdf> {
  const { getDocument } = await loadPdfJs();
  // pdf.js hands the array to its worker (transferring it): it gets a copy, the caller keeps its own.
  const task = getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    useSystemFonts: true,
    enableXfa: false,
    stopAtErrors: false,
  });
  const document = await task.promise;
  return {
    pageCount: document.numPages,
    async aspect(number) {
      const { width, height } = (await document.getPage(number)).getViewport({ scale: 1 });
      return height / width;
    },
    async drawPage(number, canvas, cssWidth, pixelRatio) {
      const page = await document.getPage(number);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: (cssWidth / base.width) * pixelRatio });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      await page.render({ canvas, viewport }).promise;
      page.cleanup();
    },
    close: () => task.destroy(),
  };
}
