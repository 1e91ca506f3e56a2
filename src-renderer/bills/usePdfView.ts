import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentFile } from '../../src-shared/api/document';
import type { ApiError } from '../../src-shared/api/result';
import { useApiClient } from '../api/useApiClient';

export type PdfView =
  | { readonly phase: 'closed' }
  | { readonly phase: 'preparing' }
  | { readonly phase: 'open'; readonly document: DocumentFile }
  | { readonly phase: 'failed'; readonly error: ApiError };

/**
 * "Ver la factura": the bill's PDF from `bills.pdf`, as bytes held only while the viewer is open.
 * Closing it, or the screen going away (end of visit included), lets them go: no URL, no file,
 * nothing of the bill outlives the citizen's session in the page.
 */
export function usePdfView(
  billNumber: number,
  accessId: string,
): { view: PdfView; open: () => void; close: () => void } {
  const client = useApiClient();
  const [view, setView] = useState<PdfView>({ phase: 'closed' });
  // A PDF that arrives after the screen is gone is dropped.
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const open = useCallback(() => {
    setView({ phase: 'preparing' });
    void client.call('bills.pdf', { accessId, billNumber }).then((result) => {
      if (!mounted.current) return;
      setView(result.ok ? { phase: 'open', document: result.value } : { phase: 'failed', error: result.error });
    });
  }, [client, accessId, billNumber]);

  const close = useCallback(() => setView({ phase: 'closed' }), []);

  return { view, open, close };
}
