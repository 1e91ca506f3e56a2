import net from 'node:net';
import { expect, it } from 'vitest';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer } from '../../support/server-harness';

/**
 * A console form without a session is turned away before its body is read: a stranger cannot
 * make the server take in a bank file's or a ticket answer's worth of bytes.
 */
describeEachServerDatabase('staff console: the session before the body', (variant) => {
  it('answers a sessionless upload at once, without waiting for its 50 MB', { timeout: 60_000 }, async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    for (const path of ['/consola/archivos', '/consola/tickets/TK-2026-000001/responder']) {
      const socket = net.connect(t.server.port, '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      let received = '';
      const answered = new Promise<string>((resolve) => {
        socket.on('data', (chunk: Buffer) => {
          received += chunk.toString('latin1');
          if (received.includes('\r\n\r\n')) resolve(received);
        });
        socket.once('close', () => resolve(received));
      });
      // Headers announcing 50 MB, and only the first bytes of the body: the answer must not wait for the rest.
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\n` +
          `Content-Length: 50000000\r\n\r\n--x\r\n`,
      );
      const head = await answered;
      socket.destroy();
      expect(head).toMatch(/^HTTP\/1\.1 303 /);
      expect(head).toMatch(/location: \/consola\/ingresar/i);
    }
  });
});
