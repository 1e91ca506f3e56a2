/**
 * The central server in a process of its own, for fault tests that `kill -9` it. Arguments:
 * data dir, database URL (or `pglite`), port, and a fault: `none`, or `kill-after-push-commit`
 * (the process kills itself with SIGKILL once a push batch has committed, before it answers).
 * Prints `{"url": …}` when listening.
 */
import { DEFAULT_MAIL_FROM } from '../../../src-server/config';
import { startServer } from '../../../src-server/index';

const [dataDir, database, port, fault = 'none'] = process.argv.slice(2);
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
  },
  fault === 'kill-after-push-commit'
    ? { syncHooks: { afterPushCommitted: () => process.kill(process.pid, 'SIGKILL') } }
    : {},
);
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
process.on('SIGTERM', () => {
  void server.stop().then(() => process.exit(0));
});
