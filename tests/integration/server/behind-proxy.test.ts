import { describe, expect, it } from 'vitest';
import { readLocalAdminFile } from '../../../src-server/admin/local-admin-file';
import type { DatabaseVariant } from '../../support/postgres';
import { startTestServer, type TestServer } from '../../support/server-harness';

// The proxy setting changes only who `request.ip` is; PGlite alone keeps the file quick.
const pglite: DatabaseVariant = { kind: 'pglite', freshDatabaseUrl: async () => null };

async function adminDevices(t: TestServer, headers: Record<string, string> = {}): Promise<number> {
  const endpoint = await readLocalAdminFile(t.config.dataDir);
  if (endpoint === null) throw new Error('the server wrote no admin file');
  return (await t.request('/admin/v1/devices', { headers: { authorization: `Bearer ${endpoint.token}`, ...headers } }))
    .status;
}

describe('a central server behind a TLS proxy (VENTANILLA_BEHIND_PROXY)', () => {
  it('with the proxy on this machine, a visitor it forwards is not local: the loopback-only admin routes refuse them', async () => {
    const t = await startTestServer(pglite, {
      logLevel: 'silent',
      config: { transport: { tls: null, trustedProxies: ['127.0.0.1'] } },
    });
    // What nginx sends for a visitor from the Internet (docs/transport.md sets X-Forwarded-For).
    expect(await adminDevices(t, { 'x-forwarded-for': '203.0.113.9' })).toBe(403);
    // The admin command on this machine talks to the server directly, without the header.
    expect(await adminDevices(t)).toBe(200);
  });

  it('believes X-Forwarded-For from the named proxy only: from anyone else the header is ignored', async () => {
    const t = await startTestServer(pglite, {
      logLevel: 'silent',
      config: { transport: { tls: null, trustedProxies: ['10.0.0.5'] } },
    });
    // 127.0.0.1 is not the proxy, so its claim to forward 203.0.113.9 counts for nothing.
    expect(await adminDevices(t, { 'x-forwarded-for': '203.0.113.9' })).toBe(200);
  });

  it('without a proxy setting, no header can change who the peer is', async () => {
    const t = await startTestServer(pglite, { logLevel: 'silent' });
    expect(await adminDevices(t, { 'x-forwarded-for': '203.0.113.9', forwarded: 'for=203.0.113.9' })).toBe(200);
  });
});
