import { expect, it } from 'vitest';
import { TicketFields } from '../../../src-shared/tickets/ticket-fields';
import { moveTicket } from '../../../src-server/tickets/ticket-actions';
import { openCitizenTickets } from '../../../src-server/tickets/ticket-access';
import { noSuchTickets, type TicketOrigin } from '../../../src-server/tickets/ticket-context';
import {
  confirmByPhone,
  confirmTicketCode,
  resendTicketCode,
  startTicket,
} from '../../../src-server/tickets/ticket-drafts';
import { ticketOfLink } from '../../../src-server/tickets/ticket-links';
import { ticketDetail, ticketsOfEmail } from '../../../src-server/tickets/ticket-queries';
import { describeEachServerDatabase } from '../../support/postgres';
import { citizenFields, samplePdf, startTicketServer, type TicketServer } from '../../support/ticket-server';

const web: TicketOrigin = { channel: 'web' };
const fields = (over: Partial<typeof citizenFields> = {}) => TicketFields.parse({ ...citizenFields, ...over });
const agent = { kind: 'agent', username: 'soporte1' } as const;
const citizen = { kind: 'citizen' } as const;

/** A ticket created through the code, as a citizen would. */
async function createTicket(s: TicketServer, over: Partial<typeof citizenFields> = {}) {
  const f = fields(over);
  const started = await startTicket(s.ctx, f, [], web);
  if (!started.ok) throw new Error(started.error.message);
  const created = await confirmTicketCode(s.ctx, started.value.draftId, await s.lastCode(f.email), web);
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

const countRows = async (s: TicketServer, table: string): Promise<number> =>
  Number((await s.t.server.database.exec.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);

describeEachServerDatabase('support tickets: code, creation, access, the state machine', (variant) => {
  it(
    'creates a ticket only with the mailed code: wrong codes count, a used one is gone',
    { timeout: 60_000 },
    async () => {
      const s = await startTicketServer(variant);
      const pdf = await samplePdf();
      const started = await startTicket(s.ctx, fields(), [{ name: 'factura.pdf', bytes: pdf }], web);
      expect(started.ok).toBe(true);
      if (!started.ok) return;
      expect(await countRows(s, 'tickets')).toBe(0);
      const code = await s.lastCode(citizenFields.email);
      const mail = await s.lastMail(citizenFields.email, 'ticket-code');
      expect(mail).toContain('10 minutos');
      expect(mail).toContain('300 000 0000');

      const wrong = code === '000000' ? '111111' : '000000';
      const miss = await confirmTicketCode(s.ctx, started.value.draftId, wrong, web);
      expect(miss).toMatchObject({
        ok: false,
        error: { code: 'validation', message: expect.stringContaining('4 intentos') },
      });
      // A kiosk cannot use a draft made on the web page (nor another kiosk's).
      const elsewhere = await confirmTicketCode(s.ctx, started.value.draftId, code, {
        channel: 'kiosk',
        deviceId: '0193a000-0000-7000-8000-000000000001',
      });
      expect(elsewhere).toMatchObject({ ok: false, error: { code: 'not-found' } });

      const created = await confirmTicketCode(s.ctx, started.value.draftId, code, web);
      expect(created.ok).toBe(true);
      if (!created.ok) return;
      const year = created.value.number.slice(3, 7);
      expect(created.value.number).toBe(`TK-${year}-000001`);
      expect(await s.lastMail(citizenFields.email, 'ticket-created')).toContain(created.value.number);
      const detail = await ticketDetail(s.t.server.database.exec, created.value.id, false);
      expect(detail).toMatchObject({ state: 'abierto', channel: 'web', email: citizenFields.email });
      expect(detail?.events.map((e) => e.kind)).toEqual(['created']);
      expect(detail?.events[0]?.attachments).toEqual([
        expect.objectContaining({ displayName: 'factura.pdf', contentType: 'application/pdf', size: pdf.length }),
      ]);
      // The code worked once.
      expect(await confirmTicketCode(s.ctx, started.value.draftId, code, web)).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      });
      expect(await countRows(s, 'tickets')).toBe(1);
      // The next ticket takes the next number.
      expect((await createTicket(s)).number).toBe(`TK-${year}-000002`);
    },
  );

  it(
    'refuses expired codes, a sixth try, quick resends, an unknown category and a bad file',
    { timeout: 60_000 },
    async () => {
      const s = await startTicketServer(variant);
      const a = await startTicket(s.ctx, fields(), [], web);
      if (!a.ok) throw new Error(a.error.message);
      const firstCode = await s.lastCode(citizenFields.email);
      expect(await resendTicketCode(s.ctx, a.value.draftId, web)).toMatchObject({
        ok: false,
        error: { code: 'locked', message: expect.stringMatching(/Espere \d+ segundos/) },
      });
      s.advance(61_000);
      expect((await resendTicketCode(s.ctx, a.value.draftId, web)).ok).toBe(true);
      const secondCode = await s.lastCode(citizenFields.email);
      if (firstCode !== secondCode)
        expect((await confirmTicketCode(s.ctx, a.value.draftId, firstCode, web)).ok).toBe(false);
      s.advance(11 * 60_000);
      expect(await confirmTicketCode(s.ctx, a.value.draftId, secondCode, web)).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      });

      const b = await startTicket(s.ctx, fields({ email: 'otra@correo.test' }), [], web);
      if (!b.ok) throw new Error(b.error.message);
      const code = await s.lastCode('otra@correo.test');
      const wrong = code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 5; i += 1) await confirmTicketCode(s.ctx, b.value.draftId, wrong, web);
      expect((await confirmTicketCode(s.ctx, b.value.draftId, code, web)).ok).toBe(false);

      expect(await startTicket(s.ctx, fields({ category: 'inventada' }), [], web)).toMatchObject({
        ok: false,
        error: { code: 'validation' },
      });
      const html = Buffer.from('<html><script>alert(1)</script></html>');
      expect((await startTicket(s.ctx, fields(), [{ name: 'factura.pdf', bytes: html }], web)).ok).toBe(false);
      expect(await countRows(s, 'tickets')).toBe(0);
    },
  );

  it(
    "opens one's tickets with any ticket number and the email; a wrong pair answers as an unknown one",
    { timeout: 60_000 },
    async () => {
      const s = await startTicketServer(variant);
      const first = await createTicket(s);
      const second = await createTicket(s, { subject: 'Medidor dañado', category: 'lectura' });
      await createTicket(s, { email: 'vecino@correo.test' });

      const opened = await openCitizenTickets(
        s.ctx,
        first.number.toLowerCase(),
        ' ANA.RESTREPO@correo.test ',
        web,
        '10.0.0.1',
      );
      expect(opened.ok).toBe(true);
      if (!opened.ok) return;
      const list = await ticketsOfEmail(s.t.server.database.exec, opened.value.email);
      expect(list.map((t) => t.number)).toEqual([second.number, first.number]);

      const wrongPair = await openCitizenTickets(s.ctx, first.number, 'vecino@correo.test', web, '10.0.0.1');
      const unknown = await openCitizenTickets(s.ctx, 'TK-2020-999999', citizenFields.email, web, '10.0.0.1');
      expect(wrongPair).toEqual({ ok: false, error: { code: 'not-found', message: noSuchTickets } });
      expect(unknown).toEqual(wrongPair);
      // Guessing numbers for one address is slowed down, even with the right pair afterwards.
      for (let i = 0; i < 4; i += 1)
        await openCitizenTickets(s.ctx, `TK-2026-00009${i}`, 'vecino@correo.test', web, '10.0.0.2');
      expect(await openCitizenTickets(s.ctx, 'TK-2026-000099', 'vecino@correo.test', web, '10.0.0.3')).toMatchObject({
        ok: false,
        error: { code: 'locked' },
      });
    },
  );

  it(
    'moves by the state machine: answer, note, solution by link, reject with a reason, accept with stars',
    { timeout: 60_000 },
    async () => {
      const s = await startTicketServer(variant);
      const ticket = await createTicket(s);
      const exec = s.t.server.database.exec;

      // Citizens and agents each have their own moves.
      expect(await moveTicket(s.ctx, ticket.id, citizen, { action: 'propose-solution', body: 'Listo' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(
        await moveTicket(s.ctx, ticket.id, agent, { action: 'accept-solution', rating: 5, comment: null }),
      ).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      // Nothing to accept yet.
      expect(
        await moveTicket(s.ctx, ticket.id, citizen, { action: 'accept-solution', rating: 5, comment: null }),
      ).toMatchObject({
        ok: false,
        error: { code: 'conflict' },
      });

      expect(await moveTicket(s.ctx, ticket.id, agent, { action: 'assign', assignee: 'soporte1' })).toMatchObject({
        ok: true,
        value: { state: 'en-atencion' },
      });
      await moveTicket(s.ctx, ticket.id, agent, {
        action: 'internal-note',
        body: 'Revisar lectura con el lector de ruta 12.',
      });
      await moveTicket(s.ctx, ticket.id, agent, { action: 'agent-message', body: '¿Nos envía foto de la factura?' });
      expect(await s.lastMail(citizenFields.email, 'ticket-message')).toContain('¿Nos envía foto de la factura?');
      const pdf = await samplePdf('foto');
      expect(
        (
          await moveTicket(s.ctx, ticket.id, citizen, {
            action: 'citizen-message',
            body: 'Adjunto la factura.',
            uploads: [{ name: 'f.pdf', bytes: pdf }],
          })
        ).ok,
      ).toBe(true);
      expect(await s.lastMail('soporte@entidad.test', 'ticket-message')).toContain('Adjunto la factura.');

      const seen = await ticketDetail(exec, ticket.id, false);
      expect(seen?.events.map((e) => e.kind)).toEqual(['created', 'assigned', 'message', 'message']);
      expect(JSON.stringify(seen)).not.toContain('lector de ruta 12');
      expect((await ticketDetail(exec, ticket.id, true))?.events.some((e) => e.internal)).toBe(true);
      expect(seen?.firstReplyAt).not.toBeNull();

      await moveTicket(s.ctx, ticket.id, agent, { action: 'propose-solution', body: 'Anulamos el cargo repetido.' });
      expect(await moveTicket(s.ctx, ticket.id, agent, { action: 'propose-solution', body: 'Otra vez' })).toMatchObject(
        {
          ok: false,
          error: { code: 'conflict' },
        },
      );
      const mail = await s.lastMail(citizenFields.email, 'ticket-solution');
      const token = /\/soporte\/ticket\/([A-Za-z0-9_-]{43})/.exec(mail ?? '')?.[1];
      expect(token).toBeDefined();
      expect(await ticketOfLink(exec, token!, s.ctx.now())).toBe(ticket.id);
      expect(
        await ticketOfLink(
          exec,
          token!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
          s.ctx.now(),
        ),
      ).toBeNull();

      expect(await moveTicket(s.ctx, ticket.id, citizen, { action: 'reject-solution', reason: ' ' })).toMatchObject({
        ok: false,
        error: { code: 'validation' },
      });
      expect(
        await moveTicket(s.ctx, ticket.id, citizen, {
          action: 'reject-solution',
          reason: 'El cargo sigue en la factura.',
        }),
      ).toMatchObject({
        ok: true,
        value: { state: 'reabierto' },
      });
      expect(await s.lastMail('soporte@entidad.test', 'ticket-reopened')).toContain('El cargo sigue en la factura.');
      await moveTicket(s.ctx, ticket.id, agent, { action: 'propose-solution', body: 'Emitimos una nota crédito.' });
      for (const rating of [0, 6, 2.5])
        expect(
          (await moveTicket(s.ctx, ticket.id, citizen, { action: 'accept-solution', rating, comment: null })).ok,
        ).toBe(false);
      expect(
        await moveTicket(s.ctx, ticket.id, citizen, { action: 'accept-solution', rating: 4, comment: 'Gracias' }),
      ).toMatchObject({
        ok: true,
        value: { state: 'resuelto' },
      });
      expect(await ticketDetail(exec, ticket.id, false)).toMatchObject({
        state: 'resuelto',
        rating: 4,
        ratingComment: 'Gracias',
      });
      expect(await s.lastMail(citizenFields.email, 'ticket-resolved')).toContain('4 de 5');
      // Resuelto is final.
      expect(
        await moveTicket(s.ctx, ticket.id, citizen, { action: 'citizen-message', body: 'Una cosa más' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'conflict', message: expect.stringContaining('cree un ticket nuevo') },
      });
      // The history is written once, whoever tries.
      await expect(exec.query("UPDATE ticket_events SET body = 'cambiado'")).rejects.toThrow(/never changed/);
      await expect(exec.query('DELETE FROM ticket_events')).rejects.toThrow(/never changed/);
    },
  );

  it('two agents proposing at once: one solution is recorded, the other is refused', { timeout: 60_000 }, async () => {
    const s = await startTicketServer(variant);
    const ticket = await createTicket(s);
    const other = { kind: 'agent', username: 'soporte2' } as const;
    const answers = await Promise.all([
      moveTicket(s.ctx, ticket.id, agent, { action: 'propose-solution', body: 'Solución de soporte1.' }),
      moveTicket(s.ctx, ticket.id, other, { action: 'propose-solution', body: 'Solución de soporte2.' }),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.find((a) => !a.ok)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const detail = await ticketDetail(s.t.server.database.exec, ticket.id, false);
    expect(detail?.events.filter((e) => e.kind === 'solution')).toHaveLength(1);
    const mails = await s.t.server.database.exec.query("SELECT id FROM mail_outbox WHERE template = 'ticket-solution'");
    expect(mails.rows).toHaveLength(1);
  });

  it(
    'an agent who answers an unassigned ticket takes it; a take from a stale page is refused under the lock',
    { timeout: 60_000 },
    async () => {
      const s = await startTicketServer(variant);
      const ticket = await createTicket(s);
      const other = { kind: 'agent', username: 'soporte2' } as const;
      await moveTicket(s.ctx, ticket.id, other, { action: 'agent-message', body: 'Lo reviso.' });
      const exec = s.t.server.database.exec;
      expect((await ticketDetail(exec, ticket.id, true))?.assignee).toBe('soporte2');
      // soporte1's page still showed it unassigned.
      expect(
        await moveTicket(s.ctx, ticket.id, agent, { action: 'assign', assignee: 'soporte1', expectedAssignee: null }),
      ).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('soporte2') } });
      expect(
        await moveTicket(s.ctx, ticket.id, agent, {
          action: 'assign',
          assignee: 'soporte1',
          expectedAssignee: 'soporte2',
        }),
      ).toMatchObject({ ok: true });
      expect((await ticketDetail(exec, ticket.id, true))?.assignee).toBe('soporte1');
      // Answering someone else's ticket does not take it from them.
      await moveTicket(s.ctx, ticket.id, other, { action: 'agent-message', body: 'Complemento.' });
      expect((await ticketDetail(exec, ticket.id, true))?.assignee).toBe('soporte1');
    },
  );

  it('an agent creates the ticket after checking the citizen by phone, once', { timeout: 60_000 }, async () => {
    const s = await startTicketServer(variant);
    const started = await startTicket(s.ctx, fields(), [], web);
    if (!started.ok) throw new Error(started.error.message);
    const created = await confirmByPhone(s.ctx, started.value.draftId, {
      username: 'soporte1',
      note: 'Validó cédula y dirección por teléfono.',
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const detail = await ticketDetail(s.t.server.database.exec, created.value.id, false);
    expect(detail).toMatchObject({ channel: 'phone' });
    expect(detail?.events.map((e) => [e.kind, e.author])).toEqual([
      ['created', null],
      ['verified-by-phone', 'soporte1'],
    ]);
    expect((await confirmByPhone(s.ctx, started.value.draftId, { username: 'soporte1', note: 'otra' })).ok).toBe(false);
    // The code no longer creates a second ticket either.
    const code = await s.lastCode(citizenFields.email);
    expect((await confirmTicketCode(s.ctx, started.value.draftId, code, web)).ok).toBe(false);
    expect(await countRows(s, 'tickets')).toBe(1);
  });
});
