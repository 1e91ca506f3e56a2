import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { utimes } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { TicketFields } from '../../../src-shared/tickets/ticket-fields';
import { confirmTicketCode, startTicket } from '../../../src-server/tickets/ticket-drafts';
import { issueTicketLink } from '../../../src-server/tickets/ticket-links';
import { sweepTickets } from '../../../src-server/tickets/ticket-sweeper';
import { describeEachServerDatabase } from '../../support/postgres';
import { citizenFields, samplePdf, startTicketServer } from '../../support/ticket-server';

const web = { channel: 'web' } as const;
const day = 24 * 3_600_000;

describeEachServerDatabase('ticket leftovers', (variant) => {
  it(
    "sweeps expired links, drafts never confirmed and files nothing names; keeps every ticket's files",
    { timeout: 60_000 },
    async () => {
      const s = await startTicketServer(variant);
      const exec = s.t.server.database.exec;
      const store = s.ctx.attachments.store;
      const kept = await samplePdf('de un ticket');
      const dropped = await samplePdf('de un borrador abandonado');
      const orphan = await samplePdf('de un envío rechazado');
      const fresh = await samplePdf('recién subido');

      const made = await startTicket(s.ctx, TicketFields.parse(citizenFields), [{ name: 'a.pdf', bytes: kept }], web);
      if (!made.ok) throw new Error(made.error.message);
      const ticket = await confirmTicketCode(s.ctx, made.value.draftId, await s.lastCode(citizenFields.email), web);
      if (!ticket.ok) throw new Error(ticket.error.message);
      const other = TicketFields.parse({ ...citizenFields, email: 'otra@correo.test' });
      const abandoned = await startTicket(s.ctx, other, [{ name: 'b.pdf', bytes: dropped }], web);
      if (!abandoned.ok) throw new Error(abandoned.error.message);
      const waiting = await startTicket(
        s.ctx,
        TicketFields.parse({ ...citizenFields, email: 'tercera@correo.test' }),
        [],
        web,
      );
      if (!waiting.ok) throw new Error(waiting.error.message);
      const orphanFile = await store.put(orphan);
      const freshFile = await store.put(fresh);
      if (!orphanFile.ok || !freshFile.ok) throw new Error('files not stored');
      await issueTicketLink(exec, ticket.value.id, new Date(Date.now() - 10 * day), day); // expired 9 days ago
      await issueTicketLink(exec, ticket.value.id, new Date(), 7 * day);

      // Everything but the fresh file and the waiting draft is old.
      await exec.query(
        "UPDATE ticket_drafts SET created_at = now() - interval '3 days' WHERE email <> 'tercera@correo.test'",
      );
      const old = new Date(Date.now() - 2 * day);
      const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
      for (const bytes of [kept, dropped, orphan]) await utimes(store.pathOf(sha(bytes))!, old, old);

      const swept = await sweepTickets(exec, store, new Date());
      expect(swept).toMatchObject({ links: 1, drafts: 1, files: 2 });
      expect(existsSync(store.pathOf(sha(kept))!)).toBe(true);
      expect(existsSync(store.pathOf(sha(fresh))!)).toBe(true);
      expect(existsSync(store.pathOf(sha(dropped))!)).toBe(false);
      expect(existsSync(store.pathOf(sha(orphan))!)).toBe(false);
      const drafts = await exec.query<{ email: string }>('SELECT email FROM ticket_drafts ORDER BY email');
      expect(drafts.rows.map((r) => r.email)).toEqual([citizenFields.email, 'tercera@correo.test']);
      const links = await exec.query('SELECT 1 FROM ticket_links');
      expect(links.rows).toHaveLength(1);
      // A second sweep finds nothing more: several instances may sweep at once.
      expect(await sweepTickets(exec, store, new Date())).toEqual({ links: 0, drafts: 0, files: 0, temporaryFiles: 0 });
    },
  );
});
