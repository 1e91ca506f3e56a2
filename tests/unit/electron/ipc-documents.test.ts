import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../src-shared/api/client';
import { ipcChannel } from '../../../src-shared/api/contract';
import { ok, type Result } from '../../../src-shared/api/result';
import { registerIpc } from '../../../src-main/electron/ipc-bridge';
import { createIpcTransport } from '../../../src-renderer/api/ipc-transport';

type Handler = (event: IpcMainInvokeEvent, input: unknown) => Promise<Result<unknown>> | Result<unknown>;

/**
 * A document over Electron's IPC: the Node side answers a Node Buffer, Electron's structured
 * clone (the same algorithm as `structuredClone`) hands the page a Uint8Array, and the
 * renderer's client accepts it as the contract's DocumentFile — bytes, no base64.
 */
describe('Electron IPC: documents as bytes', () => {
  it('carries a Buffer from the dispatcher to the renderer’s client as the same bytes', async () => {
    const handlers = new Map<string, Handler>();
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, index) => index % 256));
    registerIpc(
      {
        handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
        removeHandler: () => undefined,
      },
      (op) =>
        Promise.resolve(
          op === 'cashier.sessionReportPdf'
            ? ok({ fileName: 'informe-z-2026-12-03-cajero1.pdf', contentType: 'application/pdf', bytes })
            : ok(null),
        ),
      () => true,
    );
    const bridge = {
      async invoke(op: string, input: unknown): Promise<Result<unknown>> {
        const answer = await handlers.get(ipcChannel(op as 'cashier.sessionReportPdf'))?.(
          {} as IpcMainInvokeEvent,
          input,
        );
        return structuredClone(answer) as Result<unknown>;
      },
    };
    const result = await createClient(createIpcTransport(bridge)).call('cashier.sessionReportPdf', {
      staffSession: 's'.repeat(32),
      sessionId: '01930000-0000-7000-8000-000000000003',
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(Object.prototype.toString.call(result.value.bytes)).toBe('[object Uint8Array]');
    expect(Buffer.compare(Buffer.from(result.value.bytes), bytes)).toBe(0);
  });
});
