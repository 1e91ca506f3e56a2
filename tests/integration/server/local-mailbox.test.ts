import http from 'node:http';
import os from 'node:os';
import { expect, it } from 'vitest';
import { demoEntity, entitySettingKey } from '../../../db/seed/entity';
import type { MailMessage } from '../../../src-server/mail/mail-messages';
import { enqueueMail } from '../../../src-server/mail/mail-outbox';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer, type TestServer } from '../../support/server-harness';

/**
 * The local mailbox (no SMTP_URL) exists only in a demo, and then only for a request from this
 * machine that names it in its Host and carries the start's token. Everything else is refused
 * without a word about the mail inside.
 */
const welcome: MailMessage = {
  kind: 'account-welcome',
  to: 'ciudadana7@example.com',
  fullName: 'Begoña <b>Ñáñez</b>',
  document: 'CC 1.020.304.007',
  password: 'Kq7-Wd4-M7',
};

/** GET over a raw HTTP/1.1 request with the Host we choose, as a DNS-rebinding page would send it. */
function get(url: string, host: string, localAddress?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'GET', headers: { host }, localAddress }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

async function queueWelcome(t: TestServer): Promise<string> {
  const exec = t.server.database.exec;
  await exec.query('INSERT INTO settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO NOTHING', [
    entitySettingKey,
    JSON.stringify(demoEntity),
  ]);
  const id = await exec.transaction((tx) => enqueueMail(tx, welcome));
  t.server.mail.wake();
  return id;
}

async function stateOf(t: TestServer, id: string): Promise<{ state: string; attempts: number } | undefined> {
  const { rows } = await t.server.database.exec.query<{ state: string; attempts: number }>(
    'SELECT state, attempts FROM mail_outbox WHERE id = $1',
    [id],
  );
  return rows[0];
}

async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describeEachServerDatabase('central server: the local mailbox of a demo', (variant) => {
  it("shows a demo's mail from this machine with the start's token, and its links carry it", async () => {
    const t = await startTestServer(variant, { config: { demoMailbox: true } });
    const id = await queueWelcome(t);
    await until('the mail in the mailbox', async () => (await stateOf(t, id))?.state === 'mailbox');

    const mailboxUrl = t.server.mailboxUrl ?? '';
    expect(mailboxUrl).toMatch(new RegExp(`^${t.server.url}/mailbox\\?token=[A-Za-z0-9_-]{32}$`));
    const token = new URL(mailboxUrl).searchParams.get('token') ?? '';
    // The start-up log says where to open it; nothing in the log says what the mail holds.
    const logText = t.logs.join('');
    expect(logText).toContain(mailboxUrl);
    expect(logText).not.toContain('Kq7-Wd4-M7');
    expect(logText).not.toContain('ciudadana7@example.com');

    const list = await t.request(new URL(mailboxUrl).pathname + new URL(mailboxUrl).search);
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toContain('text/html');
    expect(list.headers.get('cache-control')).toBe('no-store');
    const listHtml = String(list.body);
    expect(listHtml).toContain(
      'Buzón local del servidor central — el correo no sale de este equipo porque no hay SMTP_URL configurado',
    );
    expect(listHtml).toContain('ciudadana7@example.com');
    expect(listHtml).toContain(`<a href="/mailbox/${id}?token=${token}">Sus datos de acceso — ${demoEntity.name}</a>`);
    expect(listHtml).toContain('En el buzón local');

    const one = await t.request(`/mailbox/${id}?token=${token}`);
    expect(one.status).toBe(200);
    const oneHtml = String(one.body);
    expect(oneHtml).toContain(`<a href="/mailbox?token=${token}">← Volver al buzón</a>`);
    expect(oneHtml).toContain('<iframe sandbox="" title="Contenido HTML del correo" srcdoc="&lt;!doctype html&gt;');
    // The mail's HTML escaped the name once; shown inside srcdoc it is escaped again.
    expect(oneHtml).toContain('Hola, Begoña &amp;lt;b&amp;gt;Ñáñez&amp;lt;/b&amp;gt;:');
    expect(oneHtml).toContain('Contraseña inicial: Kq7-Wd4-M7');
    expect(oneHtml).not.toContain('<b>Ñáñez</b>');
    expect((await t.request(`/mailbox/0190c0de-0000-7000-8000-000000000000?token=${token}`)).status).toBe(404);
    expect((await t.request(`/mailbox/no-es-un-id?token=${token}`)).status).toBe(404);

    // By any loopback name of this machine, with the port it listens on.
    const port = t.server.port;
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`])
      expect((await get(mailboxUrl, host)).status, host).toBe(200);
  });

  it('refuses the mailbox without the token, with another one, under a foreign Host, and the token of an earlier start', async () => {
    const t = await startTestServer(variant, { config: { demoMailbox: true } });
    const id = await queueWelcome(t);
    await until('the mail in the mailbox', async () => (await stateOf(t, id))?.state === 'mailbox');
    const mailboxUrl = t.server.mailboxUrl ?? '';
    const token = new URL(mailboxUrl).searchParams.get('token') ?? '';
    const port = t.server.port;

    for (const path of [
      '/mailbox',
      `/mailbox/${id}`,
      `/mailbox?token=`,
      // The token with its last character changed (to another one whatever it was).
      `/mailbox?token=${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}`,
      `/mailbox/${id}?token=${token.toUpperCase()}`,
      `/mailbox?token=${token}&token=${token}`,
    ]) {
      const refused = await t.request(path);
      expect(refused.status, path).toBe(403);
      expect(refused.body).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: expect.stringContaining('registro de arranque') },
      });
      expect(JSON.stringify(refused.body)).not.toContain('ciudadana7');
    }

    // A page on another site whose name now resolves to 127.0.0.1 sends its own name as Host:
    // the mailbox is not there for it, even with the token. Nor under another port.
    for (const host of [
      `attacker.example:${port}`,
      `127.0.0.1.attacker.example:${port}`,
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
    ]) {
      const answer = await get(mailboxUrl, host);
      expect(answer.status, host).toBe(404);
      expect(answer.body).not.toContain('ciudadana7');
    }

    // The token lives as long as the start: after a restart the old address no longer opens it.
    await t.stop();
    const again = await startTestServer(variant, { config: { ...t.config, port } });
    expect(again.server.mailboxUrl).not.toBe(mailboxUrl);
    expect((await again.request(`/mailbox?token=${token}`)).status).toBe(403);
    expect((await get(again.server.mailboxUrl ?? '', `127.0.0.1:${port}`)).status).toBe(200);
    await again.stop();
  });

  it('does not exist for a request from the LAN, even with the token and a loopback Host', async () => {
    // The server listens on this machine's LAN address; the request comes from that address.
    const lan = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i !== undefined && i.family === 'IPv4' && !i.internal)?.address;
    if (lan === undefined) throw new Error('this test needs a non-loopback IPv4 address on the machine');
    // A TLS proxy elsewhere lets the server listen on the LAN without TLS of its own (transport.ts);
    // nothing in this test comes through it.
    const t = await startTestServer(variant, {
      config: { demoMailbox: true, host: lan, transport: { tls: null, trustedProxies: ['203.0.113.9'] } },
    });
    const id = await queueWelcome(t);
    await until('the mail in the mailbox', async () => (await stateOf(t, id))?.state === 'mailbox');
    const token = new URL(t.server.mailboxUrl ?? '').searchParams.get('token') ?? '';
    for (const path of [`/mailbox?token=${token}`, `/mailbox/${id}?token=${token}`]) {
      const fromLan = await get(`http://${lan}:${t.server.port}${path}`, `127.0.0.1:${t.server.port}`, lan);
      expect(fromLan.status).toBe(404);
      expect(JSON.parse(fromLan.body)).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(fromLan.body).not.toContain('ciudadana7');
    }
  });

  it('outside a demo, has no mailbox page and keeps mail queued, with a warning at start-up', async () => {
    const t = await startTestServer(variant);
    expect(t.server.mailboxUrl).toBeNull();
    expect(t.logs.join('')).toContain(
      'Sin SMTP_URL: el correo a los ciudadanos queda en cola y no sale hasta configurar SMTP_URL',
    );
    const id = await queueWelcome(t);
    for (const host of [`127.0.0.1:${t.server.port}`, `localhost:${t.server.port}`]) {
      expect((await get(`${t.server.url}/mailbox`, host)).status).toBe(404);
      expect((await get(`${t.server.url}/mailbox/${id}`, host)).status).toBe(404);
    }
    // Nothing takes it: a sender would have marked it within milliseconds of the wake-up.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await stateOf(t, id)).toEqual({ state: 'queued', attempts: 0 });

    // Started as a demo on the same database, the queued mail lands in the mailbox.
    await t.stop();
    const demo = await startTestServer(variant, { config: { ...t.config, demoMailbox: true } });
    await until('the queued mail in the demo mailbox', async () => (await stateOf(demo, id))?.state === 'mailbox');
    await demo.stop();
  });
});
