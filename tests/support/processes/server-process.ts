/**
 * The central server in a process of its own, for fault tests that `kill -9` it. Arguments:
 * data dir, database URL (or `pglite`), port, and a fault: `none`, `kill-after-push-commit`
 * (the process kills itself with SIGKILL once a push batch has committed, before it answers),
 * `kill-after-gateway-commit` (the same once a gateway event has committed) or
 * `kill-in-wallet-mail` (inside the wallet mailer's transaction, everything written, before its
 * commit; claves hashed with cheap scrypt parameters). Its gateway's
 * secrets are tests/support/gateway-fixtures.ts's, so a test can sign events as the gateway.
 * Prints `{"url": …}` when listening.
 */
import { DEFAULT_MAIL_FROM } from '../../../src-server/config';
import { startServer, type StartServerOptions } from '../../../src-server/index';
import { testWalletConfig } from '../gateway-fixtures';

const [dataDir, database, port, fault = 'none'] = process.argv.slice(2);
let announced = false;
if (dataDir === undefined || database === undefined || port === undefined)
  throw new Error('usage: server-process <dataDir> <databaseUrl|pglite> <port> [fault]');
const server = await startServer(
  {
    dataDir,
    databaseUrl: database === 'pglite' ? null : database,
    host: '127.0.0.1',
    port: Number(port),
    logLevel: 'silent',
    enrollmentCodeTtlHours: 24,
    smtpUrl: null,
    mailFrom: DEFAULT_MAIL_FROM,
    wallet: testWalletConfig(),
  },
  faultOptions(fault),
);
announce(server.url);
process.on('SIGTERM', () => {
  void server.stop().then(() => process.exit(0));
});

/** The ready line, once. */
function announce(url: string): void {
  if (announced) return;
  announced = true;
  process.stdout.write(`${JSON.stringify({ url })}\n`);
}

function faultOptions(name: string): StartServerOptions {
  // A device waiting for the server pushes the moment it listens, which can be before
  // startServer has resolved (it still writes the admin file): the line goes out before the
  // kill, or the test sees a server that died before it was ready. (stdout to a pipe is
  // synchronous on Linux.)
  const die = () => {
    announce(`http://127.0.0.1:${port}`);
    process.kill(process.pid, 'SIGKILL');
  };
  if (name === 'kill-after-push-commit') return { syncHooks: { afterPushCommitted: die } };
  if (name === 'kill-after-gateway-commit') return { gateway: { afterEventCommitted: die } };
  if (name === 'kill-in-wallet-mail')
    return {
      passwordWork: { params: { log2N: 14, r: 8, p: 1 } },
      walletMailer: { pollIntervalMs: 50, beforeCommit: () => void die() },
    };
  return {};
}
