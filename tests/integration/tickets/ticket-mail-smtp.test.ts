import { expect, it } from 'vitest';
import { TicketFields } from '../../../src-shared/tickets/ticket-fields';
import { moveTicket } from '../../../src-server/tickets/ticket-actions';
import { confirmTicketCode, startTicket } from '../../../src-server/tickets/ticket-drafts';
import { ticketOfLink } from '../../../src-server/tickets/ticket-links';
import { describeEachServerDatabase } from '../../support/postgres';
import { startSmtpSink, type ReceivedMail } from '../../support/smtp-sink';
import { citizenFields, samplePdf, startTicketServer } from '../../support/ticket-server';

const agent = { kind: 'agent', username: 'soporte1' } as const;
const citizen = { kind: 'citizen' } as const;
const web = { channel: 'web' } as const;

/** The mails that reached the SMTP server, as (recipient, subject, text). */
const summary = (mails: readonly ReceivedMail[]) =>
  mails.map((m) => ({ to: m.rcptTo.join(','), subject: m.parsed.subject ?? '', text: m.parsed.text ?? '' }));

describeEachServerDatabase('support tickets: every mail over real SMTP', (variant) => {
  it(
    'delivers the code, the confirmation, answers, the solution link, the reopening and the closing; never a note',
    { timeout: 90_000 },
    async () => {
      const sink = await startSmtpSink();
      const s = await startTicketServer(variant, {}, sink.url);
      const fields = TicketFields.parse(citizenFields);
      const started = await startTicket(s.ctx, fields, [{ name: 'factura.pdf', bytes: await samplePdf() }], web);
      if (!started.ok) throw new Error(started.error.message);
      const [codeMail] = summary(await sink.waitForMail(1));
      expect(codeMail).toMatchObject({ to: fields.email, subject: expect.stringContaining('Código') });
      const code = /\b(\d{6})\b/.exec(codeMail!.text)?.[1];
      expect(code).toBeDefined();

      const created = await confirmTicketCode(s.ctx, started.value.draftId, code!, web);
      if (!created.ok) throw new Error(created.error.message);
      const id = created.value.id;
      await moveTicket(s.ctx, id, agent, { action: 'internal-note', body: 'NOTA-INTERNA-7781: llamar al lector.' });
      await moveTicket(s.ctx, id, agent, { action: 'agent-message', body: 'Estamos revisando su factura.' });
      await moveTicket(s.ctx, id, citizen, { action: 'citizen-message', body: 'Gracias, quedo atenta.' });
      await moveTicket(s.ctx, id, agent, { action: 'propose-solution', body: 'Anulamos el cargo repetido.' });
      await moveTicket(s.ctx, id, citizen, { action: 'reject-solution', reason: 'El cargo sigue apareciendo.' });
      await moveTicket(s.ctx, id, agent, { action: 'propose-solution', body: 'Emitimos una nota crédito.' });
      await moveTicket(s.ctx, id, citizen, { action: 'accept-solution', rating: 4, comment: null });

      const mails = summary(await sink.waitForMail(8));
      expect(mails.map((m) => [m.to, m.subject.replace(/ —.*$/, '')])).toEqual(
        [
          [fields.email, 'Código para crear su ticket de soporte'],
          [fields.email, `Ticket ${created.value.number} creado: ${fields.subject}`],
          [fields.email, `Respuesta a su ticket ${created.value.number}`],
          ['soporte@entidad.test', `Mensaje del ciudadano en el ticket ${created.value.number}`],
          [fields.email, `Solución propuesta para su ticket ${created.value.number}`],
          ['soporte@entidad.test', `Ticket ${created.value.number} reabierto: el ciudadano rechazó la solución`],
          [fields.email, `Solución propuesta para su ticket ${created.value.number}`],
          [fields.email, `Ticket ${created.value.number} resuelto`],
        ].slice(0, mails.length),
      );
      expect(mails).toHaveLength(8);
      expect(mails.some((m) => m.text.includes('NOTA-INTERNA-7781'))).toBe(false);

      // Each solution mail carries its own link; links expire after the configured days.
      const links = mails
        .filter((m) => m.subject.startsWith('Solución propuesta'))
        .map((m) => /\/soporte\/ticket\/([A-Za-z0-9_-]{43})/.exec(m.text)?.[1]);
      expect(new Set(links).size).toBe(2);
      const exec = s.t.server.database.exec;
      for (const token of links) expect(await ticketOfLink(exec, token!, s.ctx.now())).toBe(id);
      s.advance(8 * 24 * 3_600_000);
      for (const token of links) expect(await ticketOfLink(exec, token!, s.ctx.now())).toBeNull();
    },
  );
});
