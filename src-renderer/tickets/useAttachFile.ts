import { useCallback, useEffect, useRef, useState } from 'react';
import { megabytesInWords } from '../../src-shared/api/document';
import { attachPartBytes } from '../../src-shared/api/ops/tickets';
import type { ApiError } from '../../src-shared/api/result';
import { useApiClient } from '../api/useApiClient';
import { usePauseIdle } from '../session/usePauseIdle';
import { toBase64 } from './base64';
import { useTicketsStore, type FileList } from './tickets-store';
import { ticketsOfflineText } from './ticket-words';

/** A file to attach: its name and size first (checked before it is read), then its bytes. */
export interface FileToAttach {
  readonly name: string;
  readonly size: number;
  readonly read: () => Promise<Uint8Array>;
  /** A camera photo's small copy for the list; null for a file. */
  readonly preview: string | null;
}

/** Where a file being attached stands, for the screen. */
export type AttachProgress =
  | { readonly phase: 'idle' }
  | { readonly phase: 'sending'; readonly name: string; readonly percent: number }
  /** «Confirmación de archivo subido exitosamente» (guide 002). */
  | { readonly phase: 'done'; readonly name: string }
  | { readonly phase: 'failed'; readonly problem: ApiError };

/**
 * Attaching a file to the ticket or message being written: its bytes go to the kiosk's Node side
 * in parts of 512 KiB (each call stays small over the web host), which holds them for the visit;
 * the list in the session store shows what is attached. The count and size are checked here
 * first, so a file too large is refused before a byte is sent.
 */
export function useAttachFile(list: FileList): {
  progress: AttachProgress;
  attach: (file: FileToAttach) => Promise<boolean>;
  remove: (fileId: string) => void;
  refuse: (problem: ApiError) => void;
} {
  const client = useApiClient();
  const limits = useTicketsStore((state) => state.setup?.files ?? null);
  const count = useTicketsStore((state) => state.files[list].length);
  const addFile = useTicketsStore((state) => state.addFile);
  const removeFile = useTicketsStore((state) => state.removeFile);
  const [progress, setProgress] = useState<AttachProgress>({ phase: 'idle' });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  // A citizen watching their file go is not idle.
  usePauseIdle(progress.phase === 'sending');

  const attach = useCallback(
    async ({ name, size, read, preview }: FileToAttach): Promise<boolean> => {
      const refuse = (message: string): false => {
        setProgress({ phase: 'failed', problem: { code: 'validation', message, field: 'attachments' } });
        return false;
      };
      if (limits !== null && count >= limits.maxCount)
        return refuse(`Puede adjuntar hasta ${limits.maxCount} archivos. Quite uno para adjuntar otro.`);
      if (size === 0) return refuse(`«${name}» está vacío. Elija otro archivo.`);
      if (limits !== null && size > limits.maxBytes)
        return refuse(
          `«${name}» pesa ${megabytesInWords(size)}; cada archivo puede pesar hasta ${megabytesInWords(limits.maxBytes)}. ` +
            'Elija otro o tome una foto del documento.',
        );
      setProgress({ phase: 'sending', name, percent: 0 });
      let bytes: Uint8Array;
      try {
        bytes = await read();
      } catch {
        return refuse(`No se pudo leer «${name}». Revise la memoria USB y elíjalo de nuevo.`);
      }
      const fileId = crypto.randomUUID();
      for (let offset = 0; offset < bytes.length; offset += attachPartBytes) {
        setProgress({ phase: 'sending', name, percent: Math.floor((offset * 100) / bytes.length) });
        const part = bytes.subarray(offset, Math.min(offset + attachPartBytes, bytes.length));
        const result = await client.call('tickets.attach', {
          fileId,
          name,
          size: bytes.length,
          offset,
          data: toBase64(part),
        });
        if (!mounted.current) return false;
        if (!result.ok) {
          const problem =
            result.error.code === 'offline' ? { ...result.error, message: ticketsOfflineText } : result.error;
          setProgress({ phase: 'failed', problem });
          return false;
        }
      }
      addFile(list, { fileId, name, size: bytes.length, preview });
      setProgress({ phase: 'done', name });
      return true;
    },
    [client, limits, count, addFile, list],
  );

  const remove = useCallback(
    (fileId: string) => {
      removeFile(list, fileId);
      setProgress({ phase: 'idle' });
      void client.call('tickets.detach', { fileId });
    },
    [client, removeFile, list],
  );

  const refuse = useCallback((problem: ApiError) => setProgress({ phase: 'failed', problem }), []);

  return { progress, attach, remove, refuse };
}
