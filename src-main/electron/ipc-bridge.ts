import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ipcChannel, opNames } from '../../src-shared/api/contract';
import { err } from '../../src-shared/api/result';
import type { Dispatch } from '../api/dispatcher';

/**
 * Registers one `ipcMain.handle` per contract operation — exactly those, derived from the
 * contract. Every call must come from our own window (Fiddle's sender check) and its input
 * is parsed by the dispatcher before any service sees it. Returns the unregister function.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatch,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): () => void {
  for (const op of opNames) {
    ipcMain.handle(ipcChannel(op), (event, input: unknown) => {
      if (!isTrustedSender(event)) return err('forbidden', 'Solicitud no permitida.');
      return dispatch(op, input);
    });
  }
  return () => {
    for (const op of opNames) ipcMain.removeHandler(ipcChannel(op));
  };
}
