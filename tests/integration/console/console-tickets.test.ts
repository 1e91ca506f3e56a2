import { expect, it } from 'vitest';
import { seedDemoTickets } from '../../../src-server/tickets/ticket-demo';
import { ticketDetail } from '../../../src-server/tickets/ticket-queries';
import { startTicket } from '../../../src-server/tickets/ticket-drafts';
import { TicketFields } from '../../../src-shared/tickets/ticket-fields';
import { workingStates } from '../../../src-shared/tickets/ticket-states';
import { describeEachServerDatabase } from '../../support/postgres';
import { csrfOf } from '../../support/staff-console';
import {
  ago,
  listedTickets,
  queueRow,
  startTicketConsole,
  testIdText,
  type TicketConsole,
} from '../../support/ticket-console';
import { citizenFields, samplePdf } from '../../support/ticket-server';

/**
 * «Tickets» in the staff console (docs/staff-console.md): the queue and its filters, the summary,
 * one ticket's page and its forms, the requests confirmed by phone — and what the console
 * refuses: a cashier, a form without the session's token, a move the state machine forbids, the
 * second of two agents proposing at once, another ticket's file, markup typed by a citizen.
 */
const agent = (username: string) => ({ kind: 'agent', username }) as const;
const citizen = { kind: 'citizen' } as const;

async function eventsOf(s: TicketConsole, ticketId: string) {
  return (await ticketDetail(s.t.server.database.exec, ticketId, true))?.events ?? [];
}

describeEachServerDatabase('staff console: tickets', (variant) => {
  it(
    'the queue filters by state, category, age, assignee and address, and marks the overdue',
    { timeout: 120_000 },
    async () => {
      const s = await startTicketConsole(variant);
      // A: billing (48 h to answer), 2½ days old, nobody on it — overdue by half a day.
      const a = await s.createTicket({ category: 'facturacion' }, { agoMs: ago.hours(60) });
      // B: payments (24 h), two hours old — due tomorrow.
      const b = await s.createTicket({ category: 'pagos' }, { agoMs: ago.hours(2) });
      // C: meter (72 h), eight days old, soporte1 answered it the next day.
      const c = await s.createTicket({ category: 'lectura' }, { agoMs: ago.days(8) });
      await s.move(c.id, agent('soporte1'), { action: 'assign', assignee: 'soporte1' }, ago.days(7));
      await s.move(c.id, agent('soporte1'), { action: 'agent-message', body: 'Enviamos un técnico.' }, ago.days(7));
      // D: five days old, a solution proposed: waiting on the citizen, not on the agents.
      const d = await s.createTicket({ category: 'otro' }, { agoMs: ago.days(5) });
      await s.move(d.id, agent('soporte1'), { action: 'propose-solution', body: 'Ya quedó.' }, ago.days(4));
      // E: account (48 h), four days old, soporte2 took it and never answered — overdue by two days.
      const e = await s.createTicket({ category: 'cuenta', email: 'vecina@correo.test' }, { agoMs: ago.days(4) });
      await s.move(e.id, agent('soporte2'), { action: 'assign', assignee: 'soporte2' }, ago.days(3.9));

      const browser = await s.login('soporte1');
      const queue = async (query = '') => {
        const page = await browser.get(`/consola/tickets${query}`);
        expect(page.status, query).toBe(200);
        return page.text;
      };
      const first = await queue();
      // To work by default (open, in attention, reopened), newest first.
      expect(listedTickets(first)).toEqual([b.number, a.number, e.number, c.number]);
      expect(queueRow(first, a.number)).toContain('standing-down');
      expect(queueRow(first, a.number)).toMatch(/Vencido<\/strong>\s*hace 12 h/);
      expect(queueRow(first, e.number)).toMatch(/Vencido<\/strong>\s*hace 2 d/);
      expect(queueRow(first, b.number)).not.toContain('Vencido');
      expect(queueRow(first, b.number)).toContain('standing-ok');
      expect(queueRow(first, c.number)).toContain('Respondido a tiempo');
      expect(queueRow(first, c.number)).toContain('<strong>Usted</strong>');
      expect(queueRow(first, e.number)).toContain('LINA MARCELA GUZMÁN ORTIZ');

      expect(listedTickets(await queue('?estado=todos'))).toEqual([b, a, e, d, c].map((x) => x.number));
      expect(listedTickets(await queue('?estado=solucion-propuesta'))).toEqual([d.number]);
      expect(listedTickets(await queue('?categoria=pagos'))).toEqual([b.number]);
      expect(listedTickets(await queue('?antiguedad=1'))).toEqual([a.number, e.number, c.number]);
      expect(listedTickets(await queue('?antiguedad=3'))).toEqual([e.number, c.number]);
      expect(listedTickets(await queue('?antiguedad=7'))).toEqual([c.number]);
      expect(listedTickets(await queue('?asignado=sin'))).toEqual([b.number, a.number]);
      expect(listedTickets(await queue('?asignado=mios'))).toEqual([c.number]);
      expect(listedTickets(await queue('?asignado=u:soporte2'))).toEqual([e.number]);
      expect(listedTickets(await queue('?correo=VECINA@correo.test'))).toEqual([e.number]);
      expect(listedTickets(await queue('?estado=todos&correo=vecina@correo.test&categoria=pagos'))).toEqual([]);
      // Most overdue first: the unanswered by due time (E, then A, then B), then the answered.
      expect(listedTickets(await queue('?orden=vencimiento'))).toEqual([e.number, a.number, b.number, c.number]);
      expect(listedTickets(await queue('?vencidos=1'))).toEqual([a.number, e.number]);
      expect(listedTickets(await queue('?vencidos=1&orden=vencimiento'))).toEqual([e.number, a.number]);
      // Unknown values fall back to the defaults instead of failing the page.
      expect(listedTickets(await queue('?estado=x&categoria=y&antiguedad=9&asignado=%27&orden=z&desde=1'))).toEqual(
        listedTickets(first),
      );

      // «Ir al ticket» by number, typed as a citizen reads it out.
      const jump = await browser.get(
        `/consola/tickets?numero=${encodeURIComponent(a.number.toLowerCase().replaceAll('-', ' '))}`,
      );
      expect(jump.status).toBe(303);
      expect(jump.location).toBe(`/consola/tickets/${a.number}`);
      const missing = await browser.get('/consola/tickets?numero=TK-2020-999999');
      expect(missing.status).toBe(404);
      expect(missing.text).toContain('No hay un ticket con el número TK-2020-999999.');
    },
  );

  it('the queue pages 50 at a time in both orders, each ticket once', { timeout: 120_000 }, async () => {
    const s = await startTicketConsole(variant);
    const exec = s.t.server.database.exec;
    await seedDemoTickets(exec, { seed: 7, tickets: 260, now: new Date() });
    const browser = await s.login('supervisor1');
    const walk = async (start: string): Promise<{ numbers: string[]; pages: number }> => {
      const numbers: string[] = [];
      let path: string | null = start;
      let pages = 0;
      while (path !== null) {
        const page = await browser.get(path);
        expect(page.status).toBe(200);
        pages += 1;
        const shown = listedTickets(page.text);
        expect(shown.length).toBeLessThanOrEqual(50);
        numbers.push(...shown);
        const next = /href="([^"]+)" rel="next"/.exec(page.text)?.[1];
        path = next === undefined ? null : next.replaceAll('&amp;', '&');
      }
      return { numbers, pages };
    };
    const recent = await exec.query<{ number: string }>('SELECT number FROM tickets ORDER BY created_at DESC, id DESC');
    const byRecent = await walk('/consola/tickets?estado=todos');
    expect(byRecent.pages).toBe(6);
    expect(byRecent.numbers).toEqual(recent.rows.map((r) => r.number));
    const due = await exec.query<{ number: string }>(
      `SELECT number FROM tickets ORDER BY first_reply_at IS NOT NULL,
         CASE WHEN first_reply_at IS NULL THEN due_at ELSE created_at END, id`,
    );
    expect((await walk('/consola/tickets?estado=todos&orden=vencimiento')).numbers).toEqual(
      due.rows.map((r) => r.number),
    );
    const working = await exec.query<{ number: string }>(
      `SELECT number FROM tickets WHERE state IN (${workingStates.map((_, i) => `$${i + 1}`).join(', ')})
       ORDER BY created_at DESC, id DESC`,
      [...workingStates],
    );
    expect(working.rows.length).toBeGreaterThan(0);
    expect((await walk('/consola/tickets')).numbers).toEqual(working.rows.map((r) => r.number));
  });

  it(
    'the summary counts open tickets, the overdue, the median first answer and the stars',
    { timeout: 120_000 },
    async () => {
      const s = await startTicketConsole(variant);
      const pagos = { category: 'pagos' };
      // Answered after 2 h, assigned to soporte2: in attention.
      const t1 = await s.createTicket(pagos, { agoMs: ago.hours(10) });
      await s.move(t1.id, agent('soporte2'), { action: 'assign', assignee: 'soporte2' }, ago.hours(9));
      await s.move(t1.id, agent('soporte2'), { action: 'agent-message', body: 'Lo revisamos.' }, ago.hours(8));
      // A solution after 6 h, accepted with 5 stars.
      const t3 = await s.createTicket(pagos, { agoMs: ago.hours(8) });
      await s.move(t3.id, agent('soporte1'), { action: 'propose-solution', body: 'Corregido.' }, ago.hours(2));
      await s.move(t3.id, citizen, { action: 'accept-solution', rating: 5, comment: null }, ago.hours(1));
      // A solution after 1 h, accepted with 2 stars.
      const t4 = await s.createTicket(pagos, { agoMs: ago.hours(7) });
      await s.move(t4.id, agent('soporte1'), { action: 'propose-solution', body: 'Corregido.' }, ago.hours(6));
      await s.move(t4.id, citizen, { action: 'accept-solution', rating: 2, comment: 'Tarde' }, ago.hours(5));
      // A solution after 3 h, rejected: reopened.
      const t8 = await s.createTicket(pagos, { agoMs: ago.hours(20) });
      await s.move(t8.id, agent('soporte1'), { action: 'propose-solution', body: 'Corregido.' }, ago.hours(17));
      await s.move(t8.id, citizen, { action: 'reject-solution', reason: 'Sigue igual.' }, ago.hours(16));
      // Unanswered: one overdue (billing, 48 h, three days old), one not yet.
      await s.createTicket({ category: 'facturacion' }, { agoMs: ago.days(3) });
      await s.createTicket(pagos, { agoMs: ago.hours(1) });
      // Forty days old, answered after a day and rated 1: outside the 30 days.
      const old = await s.createTicket(pagos, { agoMs: ago.days(40) });
      await s.move(old.id, agent('soporte1'), { action: 'propose-solution', body: 'Corregido.' }, ago.days(39));
      await s.move(old.id, citizen, { action: 'accept-solution', rating: 1, comment: null }, ago.days(39));

      const browser = await s.login('soporte1');
      const page = (await browser.get('/consola/tickets/resumen')).text;
      expect(testIdText(page, 'abiertos-abierto')).toBe('2');
      expect(testIdText(page, 'abiertos-en-atencion')).toBe('1');
      expect(testIdText(page, 'abiertos-solucion-propuesta')).toBe('0');
      expect(testIdText(page, 'abiertos-reabierto')).toBe('1');
      expect(testIdText(page, 'vencidos')).toBe('1');
      // First answers in the window: 1 h, 2 h, 3 h, 6 h — the median between 2 and 3 hours.
      expect(testIdText(page, 'mediana')).toBe('2 h 30 min');
      expect(testIdText(page, 'respondidos')).toBe('de 4 tickets respondidos; 2 esperan todavía');
      expect(testIdText(page, 'satisfaccion')).toBe('3,5 de 5');
      expect(page).toContain('2 calificaciones');
      expect(page).toMatch(/6 tickets creados desde el\s+\d{2}\/\d{2}\/\d{4}\./);
      // The load per agent: the two new ones with nobody on them; the reopened one with soporte1, who
      // proposed its solution (answering takes an unassigned ticket); one with soporte2.
      expect(testIdText(page, 'carga-sin-asignar')).toBe('2');
      expect(testIdText(page, 'carga-soporte1')).toBe('1');
      expect(testIdText(page, 'carga-soporte2')).toBe('1');
    },
  );

  it(
    'an agent takes, answers with files, notes and proposes through the forms; mail goes out and the state moves',
    { timeout: 120_000 },
    async () => {
      const s = await startTicketConsole(variant);
      const pdf = await samplePdf('Factura de octubre');
      const ticket = await s.createTicket({}, { agoMs: ago.hours(3), uploads: [{ name: 'factura.pdf', bytes: pdf }] });
      const email = (await ticketDetail(s.t.server.database.exec, ticket.id, false))?.email ?? '';
      const browser = await s.login('soporte1');
      const path = `/consola/tickets/${ticket.number}`;
      let page = await browser.get(path);
      expect(page.status).toBe(200);
      expect(testIdText(page.text, 'estado')).toBe('Abierto');
      expect(testIdText(page.text, 'asignado')).toBe('Sin asignar');
      expect(page.text).toContain(citizenFields.description);
      expect(page.text).toContain('310 555 0101');
      const csrf = csrfOf(page.text);

      // «Tomar el ticket».
      const take = await browser.post(`${path}/asignar`, { csrf, asignado: 'soporte1', antes: '' });
      expect(take.status).toBe(303);
      page = await browser.get(path);
      expect(page.text).toContain('Usted tomó el ticket.');
      expect(testIdText(page.text, 'estado')).toBe('En atención');
      expect(testIdText(page.text, 'asignado')).toBe('ANDRÉS FELIPE DEVIA CASTRO (soporte1)');

      // An answer with two files, one input sent as a browser sends `multiple`.
      const reply = new FormData();
      reply.set('csrf', csrf);
      reply.set('mensaje', '¿Nos confirma el número del medidor?\nAdjuntamos la factura corregida.');
      reply.append('adjuntos', new Blob([new Uint8Array(await samplePdf('Corregida'))]), 'corregida.pdf');
      reply.append('adjuntos', new Blob([new Uint8Array(await samplePdf('Instructivo'))]), 'instructivo.pdf');
      const answered = await browser.postMultipart(`${path}/responder`, reply);
      expect(answered.status).toBe(303);
      expect(await s.lastMail(email, 'ticket-message')).toContain('¿Nos confirma el número del medidor?');
      page = await browser.get(path);
      expect(page.text).toContain(`Respuesta enviada: le llega por correo a ${email}.`);
      expect(page.text).toContain('corregida.pdf');
      expect(page.text).toContain('instructivo.pdf');

      // An answer with no file chosen: the empty part the browser sends is no attachment.
      const plain = new FormData();
      plain.set('csrf', csrf);
      plain.set('mensaje', 'Quedamos atentos.');
      plain.set('adjuntos', new Blob([]), '');
      expect((await browser.postMultipart(`${path}/responder`, plain)).status).toBe(303);

      // The citizen's file is served as a download with the attachment module's headers.
      const links = [...page.text.matchAll(/href="(\/consola\/tickets\/TK-[^"]+\/adjuntos\/[^"]+)">factura\.pdf</g)];
      const href = links[0]?.[1];
      expect(href).toBeDefined();
      const file = await browser.get(href ?? '');
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="factura\.pdf"/);
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
      expect(file.headers.get('content-security-policy')).toContain('sandbox');
      expect(Number(file.headers.get('content-length'))).toBe(pdf.length);
      expect(file.text.startsWith('%PDF')).toBe(true);

      // An internal note: on the page, marked, and mailed to nobody.
      const mailsBefore = await s.mailCount(email, 'ticket-message');
      const note = await browser.post(`${path}/nota`, { csrf, nota: 'Llamar a la lectora de la ruta 12.' });
      expect(note.status).toBe(303);
      page = await browser.get(path);
      expect(page.text).toMatch(/Nota interna \(el ciudadano no la ve\)[\s\S]*Llamar a la lectora de la ruta 12\./);
      expect(await s.mailCount(email, 'ticket-message')).toBe(mailsBefore);

      // The solution: the citizen is mailed a link to this server's ticket page.
      const proposed = await browser.post(`${path}/solucion`, { csrf, solucion: 'Anulamos el cobro repetido.' });
      expect(proposed.status).toBe(303);
      const mail = await s.lastMail(email, 'ticket-solution');
      expect(mail).toContain('Anulamos el cobro repetido.');
      expect(mail).toMatch(new RegExp(`${s.t.server.url.replaceAll('.', '\\.')}/soporte/ticket/[A-Za-z0-9_-]{43}`));
      page = await browser.get(path);
      expect(testIdText(page.text, 'estado')).toBe('Solución propuesta');
      // Waiting on the citizen: no second proposal offered, an answer and a note still are.
      expect(page.text).not.toContain(`action="${path}/solucion"`);
      expect(page.text).toContain(`action="${path}/responder"`);

      const kinds = (await eventsOf(s, ticket.id)).map((e) => [e.kind, e.author]);
      expect(kinds).toEqual([
        ['created', null],
        ['assigned', 'soporte1'],
        ['message', 'soporte1'],
        ['message', 'soporte1'],
        ['note', 'soporte1'],
        ['solution', 'soporte1'],
      ]);
      const files = (await eventsOf(s, ticket.id)).map((e) => e.attachments.map((f) => f.displayName));
      expect(files).toEqual([['factura.pdf'], [], ['corregida.pdf', 'instructivo.pdf'], [], [], []]);

      // Refusals keep what was typed: an empty answer, a file that is not what it says.
      const empty = new FormData();
      empty.set('csrf', csrf);
      empty.set('mensaje', ' ');
      const refusedEmpty = await browser.postMultipart(`${path}/responder`, empty);
      expect(refusedEmpty.status).toBe(400);
      expect(refusedEmpty.text).toContain('Escriba el mensaje.');
      const fake = new FormData();
      fake.set('csrf', csrf);
      fake.set('mensaje', 'Le envío el soporte que pidió.');
      fake.append('adjuntos', new Blob(['<html><script>alert(1)</script></html>']), 'soporte.pdf');
      const refusedFile = await browser.postMultipart(`${path}/responder`, fake);
      expect(refusedFile.status).toBe(400);
      expect(refusedFile.text).toContain('«soporte.pdf» no es un archivo');
      expect(refusedFile.text).toMatch(/name="mensaje"[^>]*>\s*Le envío el soporte que pidió\.<\/textarea>/);
      const strangers = await browser.post(`${path}/asignar`, { csrf, asignado: 'cajero1', antes: 'soporte1' });
      expect(strangers.status).toBe(400);
      expect(strangers.text).toContain('Elija un agente de la lista.');
      expect((await eventsOf(s, ticket.id)).length).toBe(6);
    },
  );

  it('a ticket taken by another agent meanwhile is not taken from them', { timeout: 120_000 }, async () => {
    const s = await startTicketConsole(variant);
    const ticket = await s.createTicket();
    const path = `/consola/tickets/${ticket.number}`;
    const first = await s.login('soporte1');
    const second = await s.login('soporte2');
    const seenByFirst = csrfOf((await first.get(path)).text);
    const seenBySecond = csrfOf((await second.get(path)).text);
    expect((await second.post(`${path}/asignar`, { csrf: seenBySecond, asignado: 'soporte2', antes: '' })).status).toBe(
      303,
    );
    // The first agent's page still showed it unassigned.
    const late = await first.post(`${path}/asignar`, { csrf: seenByFirst, asignado: 'soporte1', antes: '' });
    expect(late.status).toBe(409);
    expect(late.text).toContain('LINA MARCELA GUZMÁN ORTIZ (soporte2) tomó este ticket. No se cambió nada');
    expect(testIdText(late.text, 'asignado')).toBe('LINA MARCELA GUZMÁN ORTIZ (soporte2)');
    // Seen now, a reassignment is a choice.
    expect(
      (await first.post(`${path}/asignar`, { csrf: seenByFirst, asignado: 'soporte1', antes: 'soporte2' })).status,
    ).toBe(303);
    expect((await ticketDetail(s.t.server.database.exec, ticket.id, false))?.assignee).toBe('soporte1');
  });

  it(
    'an agent creates the ticket of a caller whose code never came, with a note, once',
    { timeout: 120_000 },
    async () => {
      const s = await startTicketConsole(variant);
      const fields = TicketFields.parse({
        ...citizenFields,
        email: 'maria.lozano@correo.test',
        subject: 'No llega el agua',
      });
      const started = await startTicket(s.at(ago.hours(2)), fields, [], { channel: 'web' });
      if (!started.ok) throw new Error(started.error.message);
      // Older than a day: no longer offered.
      const stale = await startTicket(s.at(ago.hours(30)), { ...fields, email: 'antigua@correo.test' }, [], {
        channel: 'web',
      });
      expect(stale.ok).toBe(true);
      const browser = await s.login('soporte1');
      const list = await browser.get('/consola/tickets/pendientes');
      expect(list.status).toBe(200);
      expect(testIdText(list.text, 'nombre')).toBe(citizenFields.name);
      expect(testIdText(list.text, 'correo')).toBe('ma•••••o@correo.test');
      expect(list.text).toContain('No llega el agua');
      expect(list.text).toContain('El código ya no sirve');
      // The whole address, the phone and the description stay off this page.
      expect(list.text).not.toContain('maria.lozano@correo.test');
      expect(list.text).not.toContain(citizenFields.phone);
      expect(list.text).not.toContain(citizenFields.description);
      expect(list.text).not.toContain('antigua');
      // Found by the address the caller dictates.
      expect((await browser.get('/consola/tickets/pendientes?correo=MARIA.LOZANO%40correo.test')).text).toContain(
        'No llega el agua',
      );
      expect((await browser.get('/consola/tickets/pendientes?correo=otra%40correo.test')).text).not.toContain(
        'No llega el agua',
      );

      const csrf = csrfOf(list.text);
      const action = `/consola/tickets/pendientes/${started.value.draftId}/crear`;
      const noNote = await browser.post(action, { csrf, nota: ' ' });
      expect(noNote.status).toBe(400);
      expect(noNote.text).toContain('Escriba cómo verificó la identidad');
      const created = await browser.post(action, { csrf, nota: 'Confirmó nombre, correo y asunto por teléfono.' });
      expect(created.status).toBe(303);
      const number = /\/consola\/tickets\/(TK-\d{4}-\d{6})$/.exec(created.location ?? '')?.[1];
      expect(number).toBeDefined();
      const page = await browser.get(created.location ?? '');
      expect(page.text).toMatch(new RegExp(`Se creó el ticket ${number}: el ciudadano recibe el número por correo\\.`));
      expect(page.text).toContain('Identidad verificada por teléfono');
      expect(page.text).toContain('Confirmó nombre, correo y asunto por teléfono.');
      expect(page.text).toContain('Teléfono (verificado por un agente)');
      expect(await s.lastMail('maria.lozano@correo.test', 'ticket-created')).toContain(number);
      expect((await browser.get('/consola/tickets/pendientes')).text).not.toContain('No llega el agua');
      const again = await browser.post(action, { csrf, nota: 'Otra vez' + ' por si acaso.' });
      expect(again.status).toBe(409);
      expect(again.text).toContain('Esa solicitud ya se convirtió en ticket.');
      const staleAction = `/consola/tickets/pendientes/${stale.ok ? stale.value.draftId : ''}/crear`;
      const tooOld = await browser.post(staleAction, { csrf, nota: 'Confirmó todo por teléfono.' });
      expect(tooOld.status).toBe(409);
      expect(tooOld.text).toContain('La solicitud tiene más de un día');
      expect(
        (await browser.post('/consola/tickets/pendientes/no-es-un-id/crear', { csrf, nota: 'Confirmó todo.' })).status,
      ).toBe(404);
      const { rows } = await s.t.server.database.exec.query<{ n: string | number }>(
        'SELECT count(*) AS n FROM tickets',
      );
      expect(Number(rows[0]?.n)).toBe(1);
    },
  );

  it(
    'refuses a cashier, a form without the session’s token, a move on a resolved ticket, a second proposal and another ticket’s file',
    { timeout: 120_000 },
    async () => {
      const s = await startTicketConsole(variant);
      const exec = s.t.server.database.exec;
      const pdf = await samplePdf();
      const withFile = await s.createTicket({}, { uploads: [{ name: 'factura.pdf', bytes: pdf }] });
      const other = await s.createTicket();
      const path = `/consola/tickets/${other.number}`;
      const fileId = (await eventsOf(s, withFile.id))[0]?.attachments[0]?.id ?? '';
      expect(fileId).not.toBe('');
      const draft = await startTicket(
        s.at(0),
        TicketFields.parse({ ...citizenFields, email: 'caja@correo.test' }),
        [],
        {
          channel: 'web',
        },
      );
      if (!draft.ok) throw new Error(draft.error.message);

      // A cashier sees no «Tickets», opens none of its pages and changes nothing.
      const cashier = await s.login('cajero1');
      const home = await cashier.get('/consola/prepagos');
      expect(home.text).not.toContain('href="/consola/tickets"');
      const cashierCsrf = csrfOf(home.text);
      for (const page of [
        '/consola/tickets',
        '/consola/tickets/resumen',
        '/consola/tickets/pendientes',
        path,
        `/consola/tickets/${withFile.number}/adjuntos/${fileId}`,
      ]) {
        const answer = await cashier.get(page);
        expect(answer.status, page).toBe(403);
        expect(answer.text).toContain('solo para el equipo de soporte');
        expect(answer.text).not.toContain(citizenFields.name);
      }
      for (const [action, fields] of [
        [`${path}/asignar`, { asignado: 'soporte1', antes: '' }],
        [`${path}/nota`, { nota: 'Nota de un cajero' }],
        [`${path}/solucion`, { solucion: 'Solución de un cajero' }],
        [`/consola/tickets/pendientes/${draft.value.draftId}/crear`, { nota: 'Verificado por un cajero' }],
      ] as const) {
        expect((await cashier.post(action, { csrf: cashierCsrf, ...fields })).status, action).toBe(403);
      }
      const reply = new FormData();
      reply.set('csrf', cashierCsrf);
      reply.set('mensaje', 'Respuesta de un cajero');
      expect((await cashier.postMultipart(`${path}/responder`, reply)).status).toBe(403);
      expect((await eventsOf(s, other.id)).map((e) => e.kind)).toEqual(['created']);
      expect(Number((await exec.query<{ n: string }>('SELECT count(*) AS n FROM tickets')).rows[0]?.n)).toBe(2);

      // An agent's form without the session's token (or from another site) does nothing.
      const agentBrowser = await s.login('soporte1');
      const home1 = await agentBrowser.get('/consola/tickets');
      expect(home1.text).toContain('href="/consola/tickets"');
      const csrf = csrfOf(home1.text);
      const noToken = await agentBrowser.post(`${path}/nota`, { nota: 'Sin token' });
      expect(noToken.status).toBe(403);
      expect(noToken.text).toContain('No se hizo ningún cambio');
      expect((await agentBrowser.post(`${path}/nota`, { csrf: 'x'.repeat(43), nota: 'Token ajeno' })).status).toBe(403);
      expect(
        (
          await agentBrowser.post(
            `${path}/solucion`,
            { csrf, solucion: 'Otro sitio' },
            { 'sec-fetch-site': 'cross-site' },
          )
        ).status,
      ).toBe(403);
      const noTokenReply = new FormData();
      noTokenReply.set('mensaje', 'Sin token');
      expect((await agentBrowser.postMultipart(`${path}/responder`, noTokenReply)).status).toBe(403);
      expect((await eventsOf(s, other.id)).map((e) => e.kind)).toEqual(['created']);

      // Another ticket's file is not found under this ticket's number; nor is a made-up one.
      expect((await agentBrowser.get(`${path}/adjuntos/${fileId}`)).status).toBe(404);
      expect(
        (await agentBrowser.get(`/consola/tickets/${withFile.number}/adjuntos/${crypto.randomUUID()}`)).status,
      ).toBe(404);
      expect((await agentBrowser.get(`/consola/tickets/${withFile.number}/adjuntos/..%2F..%2Fetc`)).status).toBe(404);
      expect((await agentBrowser.get(`/consola/tickets/${withFile.number}/adjuntos/${fileId}`)).status).toBe(200);
      expect((await agentBrowser.get('/consola/tickets/TK-2020-999999')).status).toBe(404);

      // Two agents propose at once: one solution goes out, the other agent is told and keeps the text.
      const second = await s.login('soporte2');
      const csrf2 = csrfOf((await second.get(path)).text);
      const [mine, theirs] = await Promise.all([
        agentBrowser.post(`${path}/solucion`, { csrf, solucion: 'Solución de soporte uno.' }),
        second.post(`${path}/solucion`, { csrf: csrf2, solucion: 'Solución de soporte dos.' }),
      ]);
      expect([mine.status, theirs.status].sort()).toEqual([303, 409]);
      const loser = mine.status === 409 ? mine : theirs;
      const loserText = mine.status === 409 ? 'Solución de soporte uno.' : 'Solución de soporte dos.';
      expect(loser.text).toContain('Ya hay una solución propuesta en este ticket');
      expect(loser.text).toContain('Su solución no se envió.');
      expect(testIdText(loser.text, 'no-enviado')).toBe(loserText);
      expect(testIdText(loser.text, 'estado')).toBe('Solución propuesta');
      expect((await eventsOf(s, other.id)).filter((e) => e.kind === 'solution')).toHaveLength(1);
      const email = (await ticketDetail(exec, other.id, false))?.email ?? '';
      expect(await s.mailCount(email, 'ticket-solution')).toBe(1);

      // Resolved: answers, solutions and assignments are refused in Spanish, the text kept; a note is still welcome.
      await s.move(other.id, citizen, { action: 'accept-solution', rating: 4, comment: null });
      const late = new FormData();
      late.set('csrf', csrf);
      late.set('mensaje', 'Una pregunta más sobre su caso.');
      const refused = await agentBrowser.postMultipart(`${path}/responder`, late);
      expect(refused.status).toBe(409);
      expect(refused.text).toContain('Este ticket ya está resuelto y cerrado');
      expect(testIdText(refused.text, 'no-enviado')).toBe('Una pregunta más sobre su caso.');
      expect(refused.text).not.toContain(`action="${path}/responder"`);
      const refusedSolution = await agentBrowser.post(`${path}/solucion`, { csrf, solucion: 'Otra solución.' });
      expect(refusedSolution.status).toBe(409);
      expect(refusedSolution.text).toContain('Este ticket ya está resuelto y cerrado');
      expect((await agentBrowser.post(`${path}/asignar`, { csrf, asignado: 'soporte2', antes: '' })).status).toBe(409);
      expect((await agentBrowser.post(`${path}/nota`, { csrf, nota: 'Cerrado con 4 estrellas.' })).status).toBe(303);
      expect((await eventsOf(s, other.id)).map((e) => e.kind)).toEqual(['created', 'solution', 'accepted', 'note']);
    },
  );

  it('markup typed by a citizen or an agent is shown as text on every ticket page', { timeout: 120_000 }, async () => {
    const s = await startTicketConsole(variant);
    const attack = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;';
    const fields = { name: `Ana ${attack}`, subject: `Cobro ${attack}`.slice(0, 150), description: `Texto ${attack}` };
    const ticket = await s.createTicket(fields, {
      uploads: [{ name: `<img src=x onerror=alert(2)>.pdf`, bytes: await samplePdf() }],
    });
    await s.move(ticket.id, citizen, { action: 'citizen-message', body: `Mensaje ${attack}` });
    const draft = await startTicket(
      s.at(0),
      TicketFields.parse({ ...citizenFields, ...fields, email: 'borrador@correo.test' }),
      [],
      { channel: 'web' },
    );
    expect(draft.ok).toBe(true);
    const browser = await s.login('soporte1');
    const path = `/consola/tickets/${ticket.number}`;
    const csrf = csrfOf((await browser.get(path)).text);
    expect((await browser.post(`${path}/nota`, { csrf, nota: `Nota ${attack}` })).status).toBe(303);
    for (const page of [
      '/consola/tickets',
      '/consola/tickets?estado=todos&correo=ciudadano1@correo.test',
      path,
      '/consola/tickets/pendientes',
      '/consola/tickets/resumen',
      `/consola/tickets?numero=${encodeURIComponent(attack)}`,
    ]) {
      const text = (await browser.get(page)).text;
      expect(text, page).not.toMatch(/<script|<img/i);
      if (page !== '/consola/tickets/resumen') expect(text, page).toContain(escaped);
    }
    const detail = (await browser.get(path)).text;
    expect(detail).toContain(`Mensaje ${escaped}`);
    expect(detail).toContain(`Nota ${escaped}`);
  });
});
