import { v7 as uuidv7 } from 'uuid';
import { expect, it } from 'vitest';
import { fieldDevice, fieldHandover, fieldPaymentWithCredit, fieldStaff } from '../../support/field-handover-fixtures';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer, type TestServer } from '../../support/server-harness';
import { cheapScrypt, ConsoleClient, seedConsoleStaff, staffPassword } from '../../support/staff-console';
import { seedServer } from '../../support/sync-support';

/**
 * «Entregas de recaudo» in the staff console (docs/staff-console.md): the field handovers the
 * server recorded, written here straight into field_handovers and field_handover_days (with
 * their cash sessions, a field payment and the saldo a favor it made), read over HTTP as a
 * supervisor's browser would: the list newest first, its filters by Bogotá day and collector,
 * bad filters refused with a 400 page, the keyset pages, one handover's days and saldo a favor,
 * a collector's name shown as text, and the roles that may not read them.
 */
const attack = `<script>alert("x")</script> PÉREZ`;
const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; PÉREZ';

const path = '/consola/entregas';

async function loggedIn(t: TestServer, username: string): Promise<ConsoleClient> {
  const browser = new ConsoleClient(t.server.url);
  expect((await browser.login(username, staffPassword(username))).status).toBe(303);
  return browser;
}

/** The handover ids a list page links to, in order. */
const listed = (page: string): string[] =>
  [...page.matchAll(/href="\/consola\/entregas\/([0-9a-f-]{36})"/g)].map((m) => m[1]!);

/** The «Entregas anteriores» link of a list page, unescaped; null on the last page. */
const nextLink = (page: string): string | null => {
  const match = /href="([^"]+)">Entregas anteriores</.exec(page);
  return match?.[1]?.replaceAll('&amp;', '&') ?? null;
};

async function fixtures(t: TestServer) {
  const exec = t.server.database.exec;
  await seedConsoleStaff(exec);
  await seedServer(t, 2);
  await fieldStaff(exec, 'campo1', attack);
  await fieldStaff(exec, 'campo2', 'ANA LUCÍA CAMPOS');
  const norte = await fieldDevice(exec, 'Portátil Norte', 'Sede Centro');
  const sur = await fieldDevice(exec, 'Portátil Sur', null);
  // 2 March, 18:30 in Bogotá: two days, $ 5.000 short in cash.
  const first = await fieldHandover(exec, {
    deviceId: norte,
    collector: 'campo1',
    supervisor: 'supervisor1',
    handedAt: '2026-03-02T23:30:00Z',
    expectedCash: 300_000,
    expectedTransfer: 50_000,
    countedCash: 295_000,
    countedTransfer: 50_000,
    days: [
      { openedAt: '2026-03-01T12:00:00Z', payments: 4, amount: 200_000, cash: 170_000, transfer: 30_000 },
      { openedAt: '2026-03-02T12:00:00Z', payments: 3, amount: 150_000, cash: 130_000, transfer: 20_000 },
    ],
  });
  await fieldPaymentWithCredit(exec, {
    deviceId: norte,
    sessionId: first.sessions[0]!,
    reference: 'N-000123',
    credit: 7_500,
    reason: 'Pagó más que el total de la factura',
  });
  await fieldPaymentWithCredit(exec, {
    deviceId: norte,
    sessionId: first.sessions[1]!,
    reference: 'N-000124',
    credit: 9_900,
    reason: 'Saldo de un pago anulado',
    voided: true,
  });
  // 4 March, 23:59 in Bogotá (already the 5th in UTC): $ 2.000 over, the server saw one payment fewer.
  const second = await fieldHandover(exec, {
    deviceId: sur,
    collector: 'campo2',
    supervisor: 'admin',
    handedAt: '2026-03-05T04:59:00Z',
    expectedCash: 100_000,
    expectedTransfer: 0,
    countedCash: 102_000,
    countedTransfer: 0,
    days: [
      {
        openedAt: '2026-03-04T13:00:00Z',
        payments: 2,
        amount: 100_000,
        cash: 100_000,
        transfer: 0,
        serverPayments: 1,
        serverAmount: 60_000,
      },
    ],
  });
  // 10 March: exact.
  const third = await fieldHandover(exec, {
    deviceId: norte,
    collector: 'campo1',
    supervisor: 'supervisor1',
    handedAt: '2026-03-10T22:00:00Z',
    expectedCash: 40_000,
    expectedTransfer: 0,
    countedCash: 40_000,
    countedTransfer: 0,
    days: [{ openedAt: '2026-03-10T12:00:00Z', payments: 1, amount: 40_000, cash: 40_000, transfer: 0 }],
  });
  return { first: first.id, second: second.id, third: third.id };
}

describeEachServerDatabase('staff console: entregas de recaudo', (variant) => {
  it(
    'lists, filters, pages and shows a handover; refuses bad filters and other roles',
    { timeout: 180_000 },
    async () => {
      const t = await startTestServer(variant, {
        logLevel: 'silent',
        serverOptions: { passwordWork: { params: cheapScrypt } },
      });
      const ids = await fixtures(t);

      // Not logged in: to «Ingresar», for the list and a handover alike.
      const anonymous = new ConsoleClient(t.server.url);
      for (const url of [path, `${path}/${ids.first}`]) {
        const answer = await anonymous.get(url);
        expect(answer.status).toBe(303);
        expect(answer.location).toBe('/consola/ingresar');
      }

      // A cashier and a support agent: no menu entry, 403 on the list and on a handover.
      for (const username of ['cajero1', 'soporte1']) {
        const browser = await loggedIn(t, username);
        expect((await browser.get('/consola/prepagos')).text).not.toContain('Entregas de recaudo');
        for (const url of [path, `${path}/${ids.first}`]) {
          const page = await browser.get(url);
          expect(page.status).toBe(403);
          expect(page.text).toContain('Solo un supervisor o un administrador puede hacer esto.');
          expect(page.text).not.toContain('Portátil Norte');
        }
      }

      const supervisor = await loggedIn(t, 'supervisor1');
      expect((await supervisor.get('/consola/prepagos')).text).toContain(`href="${path}"`);
      const list = await supervisor.get(path);
      expect(list.status).toBe(200);
      expect(list.headers.get('cache-control')).toBe('no-store');
      expect(list.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(listed(list.text)).toEqual([ids.third, ids.second, ids.first]);
      // Bogotá time, the laptop and its office, names, figures, differences in words.
      expect(list.text).toContain('02/03/2026, 18:30:00');
      expect(list.text).toContain('04/03/2026, 23:59:00');
      expect(list.text).toContain('Portátil Norte');
      expect(list.text).toContain('Sede Centro');
      expect(list.text).toContain('ANA LUCÍA CAMPOS');
      expect(list.text).toContain('GLORIA INÉS BOCANEGRA RUIZ');
      expect(list.text).toContain('CLAUDIA PATRICIA MONTEALEGRE VARGAS');
      expect(list.text).toMatch(/<strong>Faltante<\/strong> \$\s5\.000/);
      expect(list.text).toMatch(/Sobrante \$\s2\.000/);
      expect(list.text).toContain('Sin diferencia');
      expect(list.text).toMatch(/\$\s350\.000/);
      expect(list.text.split('No coincide con el servidor').length - 1).toBe(1);
      // The collector's name is text, never markup.
      expect(list.text).toContain(escaped);
      expect(list.text).not.toContain('<script>');
      expect(nextLink(list.text)).toBeNull();

      // By Bogotá day: 23:59 on the 4th belongs to the 4th, though it is the 5th in UTC.
      expect(listed((await supervisor.get(`${path}?desde=2026-03-05`)).text)).toEqual([ids.third]);
      expect(listed((await supervisor.get(`${path}?hasta=2026-03-04`)).text)).toEqual([ids.second, ids.first]);
      expect(listed((await supervisor.get(`${path}?desde=2026-03-02&hasta=2026-03-02`)).text)).toEqual([ids.first]);
      expect(listed((await supervisor.get(`${path}?recaudador=campo1`)).text)).toEqual([ids.third, ids.first]);
      const filtered = await supervisor.get(`${path}?desde=2026-03-03&recaudador=campo2`);
      expect(listed(filtered.text)).toEqual([ids.second]);
      expect(filtered.text).toContain('value="2026-03-03"');
      expect(filtered.text).toMatch(/<option value="campo2"\s+selected>/);
      const none = await supervisor.get(`${path}?desde=2026-04-01`);
      expect(none.status).toBe(200);
      expect(none.text).toContain('No hay entregas con estos filtros.');

      // Bad filters: a 400 page that says what is wrong, and no list.
      const bad: Array<[string, string]> = [
        ['desde=2026-02-30', 'La fecha «Desde» no es válida'],
        ['hasta=03%2F03%2F2026', 'La fecha «Hasta» no es válida'],
        ['desde=2026-03-10&hasta=2026-03-01', 'La fecha «Hasta» es anterior a la fecha «Desde»'],
        ['recaudador=nadie', 'Ese recaudador no tiene entregas registradas'],
        ['desde=2026-03-01&desde=2026-03-02', 'La fecha «Desde» no es válida'],
        ['despues=x', 'El enlace a la página siguiente no es válido'],
      ];
      for (const [query, message] of bad) {
        const page = await supervisor.get(`${path}?${query}`);
        expect(page.status, query).toBe(400);
        expect(page.text, query).toContain(message);
        expect(listed(page.text), query).toEqual([]);
      }
      // What was typed comes back escaped.
      const typed = await supervisor.get(`${path}?desde=${encodeURIComponent('"><script>x</script>')}`);
      expect(typed.status).toBe(400);
      expect(typed.text).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');

      // A handover: its money, its days beside the server's, the saldo a favor of their payments.
      const detail = await supervisor.get(`${path}/${ids.first}`);
      expect(detail.status).toBe(200);
      expect(detail.headers.get('cache-control')).toBe('no-store');
      expect(detail.text).toContain('1 de marzo de 2026');
      expect(detail.text).toContain('2 de marzo de 2026');
      expect(detail.text).toContain(`${escaped} (campo1)`);
      expect(detail.text).toContain('GLORIA INÉS BOCANEGRA RUIZ (supervisor1)');
      expect(detail.text).toMatch(/<strong>Faltante<\/strong> \$\s5\.000/);
      expect(detail.text).toMatch(/\$\s300\.000/);
      expect(detail.text).toMatch(/\$\s295\.000/);
      expect(detail.text).toContain('Total (2 días)');
      expect(detail.text).toContain('N-000123');
      expect(detail.text).toContain('Pagó más que el total de la factura');
      expect(detail.text).toMatch(/\$\s7\.500/);
      // A saldo a favor whose payment was voided was never received: not shown.
      expect(detail.text).not.toContain('N-000124');
      expect(detail.text).not.toContain('No coincide con el servidor');
      expect(detail.text).not.toContain('<script>');

      const differs = await supervisor.get(`${path}/${ids.second}`);
      expect(differs.text).toContain('No coincide con el servidor');
      expect(differs.text).toMatch(/\$\s60\.000/);
      expect(differs.text).toContain('Ningún pago de estos días dejó saldo a favor.');
      expect(differs.text).toContain('Portátil Sur');

      // Unknown or malformed ids: 404.
      expect((await supervisor.get(`${path}/${uuidv7()}`)).status).toBe(404);
      expect((await supervisor.get(`${path}/abc`)).status).toBe(404);

      // An admin reads them too.
      const admin = await loggedIn(t, 'admin');
      expect((await admin.get(`${path}/${ids.second}`)).status).toBe(200);
    },
  );

  it('pages through more than 50 handovers by keyset, none shown twice or skipped', { timeout: 180_000 }, async () => {
    const t = await startTestServer(variant, {
      logLevel: 'silent',
      serverOptions: { passwordWork: { params: cheapScrypt } },
    });
    const exec = t.server.database.exec;
    await seedConsoleStaff(exec);
    await fieldStaff(exec, 'campo3', 'PEDRO PABLO RÍOS');
    const laptop = await fieldDevice(exec, 'Portátil Oriente', null);
    const all: string[] = [];
    // 53 handovers, several at the very same instant (the id decides among them).
    for (let i = 0; i < 53; i += 1) {
      const handedAt = new Date(Date.UTC(2026, 2, 1, 20, 0, 0) + Math.floor(i / 4) * 60_000).toISOString();
      const { id } = await fieldHandover(exec, {
        deviceId: laptop,
        collector: 'campo3',
        supervisor: 'supervisor1',
        handedAt,
        expectedCash: 1_000 + i,
        expectedTransfer: 0,
        countedCash: 1_000 + i,
        countedTransfer: 0,
        days: [],
      });
      all.push(id);
    }
    const supervisor = await loggedIn(t, 'supervisor1');
    const first = await supervisor.get(`${path}?recaudador=campo3`);
    expect(listed(first.text)).toHaveLength(50);
    const next = nextLink(first.text);
    expect(next).not.toBeNull();
    expect(next).toContain('recaudador=campo3');
    const second = await supervisor.get(next!);
    expect(second.status).toBe(200);
    expect(listed(second.text)).toHaveLength(3);
    expect(nextLink(second.text)).toBeNull();
    const shown = [...listed(first.text), ...listed(second.text)];
    expect(new Set(shown).size).toBe(53);
    expect(shown).toEqual([...all].reverse());
  });
});
