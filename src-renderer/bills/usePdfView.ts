import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../src-shared/api/result';
import { useApiClient } from '../api/useApiClient';

export type PdfView =
  | { readonly phase: 'closed' }
  | { readonly phase: 'preparing' }
  | { readonly phase: 'open'; readonly url: string; readonly fileName: string }
  | { readonly phase: 'failed'; readonly error: ApiError };

function pdfBlob(base64: string): Blob {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return new Blob([bytes], { type: 'application/pdf' });
}

/**
 * "Ver / guardar PDF": the bill's PDF from `bills.pdf`, shown from a blob: URL. The URL is
 * revoked when the viewer closes or the screen goes away (end of visit included), so the
 * bill does not outlive the citizen's session in the page's memory.
 */
export function usePdfView(billNumber: number, accessId: string): { view: PdfView; open: () => void; close: () => void } {
  const client = useApiClient();
  const [view, setView] = useState<PdfView>({ phase: 'closed' });
  // A PDF that arrives after the screen is gone must not become a URL nobody revokes.
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const openUrl = view.phase === 'open' ? view.url : null;
  useEffect(() => {
    if (openUrl === null) return undefined;
    return () => URL.revokeObjectURL(openUrl);
  }, [openUrl]);

  const open = useCallback(() => {
    setView({ phase: 'preparing' });
    void client.call('bills.pdf', { accessId, billNumber }).then((result) => {
      if (!mounted.current) return;
      if (!result.ok) {
        setView({ phase: 'failed', error: result.error });
        return;
      }
      setView({ phase: 'open', url: URL.createObjectURL(pdfBlob(result.value.base64)), fileName: result.value.fileName });
    });
  }, [client, accessId, billNumber]);

  const close = useCallback(() => setView({ phase: 'closed' }), []);

  return { view, open, close };
}
