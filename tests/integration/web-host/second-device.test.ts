import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../../scripts/stack';
import { ConfigError } from '../../../src-main/config/app-config';
import { tempDir } from '../../support/temp-dir';

/**
 * Issue 12 item 13: a second device started on the same machine (its own data dir) crashed
 * with a raw `EADDRINUSE 127.0.0.1:5181` stack trace. It now stops with a Spanish message that
 * says what to do: use the running central server, or take a free port.
 */
describe('a second device on the same machine', () => {
  const first = tempDir('first-device');
  const second = tempDir('second-device');
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ dataDir: first.path, demoSubscribers: 3 });
  });
  afterAll(async () => {
    await stack?.stop();
    first.remove();
    second.remove();
  });

  it('says a Ventanilla central server already runs on that port, and how to use it', async () => {
    const port = Number(new URL(stack.server?.url ?? '').port);
    const refused = startStack({
      dataDir: second.path,
      demoSubscribers: 3,
      config: { server: { embeddedPort: port } },
    });
    await expect(refused).rejects.toBeInstanceOf(ConfigError);
    await expect(refused).rejects.toThrow(
      /Ya hay un servidor central de Ventanilla en http:\/\/127\.0\.0\.1:\d+.*VENTANILLA_SERVER_URL/,
    );
  });

  it('says the app port is taken and how to take a free one', async () => {
    const port = Number(new URL(stack.origin).port);
    const refused = startStack({ dataDir: second.path, port, demoSubscribers: 3 });
    await expect(refused).rejects.toThrow(
      new RegExp(`El puerto ${port} de la aplicación lo usa otro programa.*VENTANILLA_PORT=0`),
    );
  });
});
