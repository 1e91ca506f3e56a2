import { expect, it } from 'vitest';
import type { AppCore } from '../../../src-main/app-core';
import { ticketMessages } from '../../../src-main/tickets/ticket-messages';
import { moveTicket } from '../../../src-server/tickets/ticket-actions';
import { noSuchTickets } from '../../../src-server/tickets/ticket-context';
import { ticketIdFor } from '../../../src-server/tickets/ticket-queries';
import type { OpInput } from '../../../src-shared/api/contract';
import { decodeEscpos, printedLines } from '../../support/escpos-decoder';
import { cameraSecret, hasExifBlock, impostors, sidewaysJpegWithGps } from '../../support/attachment-fixtures';
import { describeEachServerDatabase } from '../../support/postgres';
import { postJson } from '../../support/server-harness';
import { callOk, until } from '../../support/sync-support';
import { TcpReceiptPrinter } from '../../support/tcp-receipt-printer';
import {
  agentDesk,
  attachFile,
  kioskCitizen,
  lastTicketCode,
  serverMaxBytes,
  startTicketKioskServer,
  supportAddress,
  ticketDevice,
} from '../../support/ticket-kiosk';
import { samplePdf } from '../../support/ticket-server';

/**
 * Support tickets at the kiosk through the real dispatcher of a whole app core, enrolled on a
 * real central server: what the citizen does at the screen, what the server then holds and
 * mails, and every way a device or a citizen could try to reach what is not theirs.
 */

/** A ticket filed at `kiosk` with `files` (ids from attachFile), the mailed code typed. */
async function fileTicket(
  t: Parameters<typeof lastTicketCode>[0],
  kiosk: AppCore,
  fileIds: string[] = [],
  over: Partial<Record<keyof typeof kioskCitizen, string>> = {},
) {
  const fields = { ...kioskCitizen, ...over };
  const started = await callOk(kiosk, 'tickets.start', { fields, fileIds });
  const code = await lastTicketCode(t, fields.email);
  return callOk(kiosk, 'tickets.confirm', { draftId: started.draftId, code });
}

const failure = async (core: AppCore, op: Parameters<AppCore['dispatch']>[0], input: unknown) => {
  const result = await core.dispatch(op, input);
  expect(result.ok, `${op} should be refused`).toBe(false);
  return result.ok ? null : result.error;
};

describeEachServerDatabase('support tickets at the kiosk', (variant) => {
  it(
    'creates a ticket with a photo, shows its number and prints it, lists it by number and email, opens it, adds a message',
    { timeout: 180_000 },
    async () => {
      const { t } = await startTicketKioskServer(variant);
      const printer = await TcpReceiptPrinter.start();
      try {
        const kiosk = await ticketDevice(t, 'kiosk', { receiptPrinter: printer.address });

        const form = await callOk(kiosk, 'tickets.categories', {});
        expect(form.categories.map((c) => c.label)).toContain('Lectura y medidor');
        expect(form.supportPhone).toBe('300 000 0000');
        // The smaller of the kiosk's own 5 MiB and the server's limit.
        expect(form.files).toMatchObject({ maxCount: 5, maxBytes: serverMaxBytes, types: ['pdf', 'jpeg', 'png'] });

        const photo = await sidewaysJpegWithGps();
        const photoId = await attachFile(kiosk, 'foto-del-medidor.jpg', photo);
        const started = await callOk(kiosk, 'tickets.start', { fields: kioskCitizen, fileIds: [photoId] });
        expect(started).toMatchObject({ validMinutes: 10, email: kioskCitizen.email });
        // No ticket yet: only the code went out.
        expect((await t.server.database.exec.query('SELECT id FROM tickets')).rows).toHaveLength(0);

        const code = await lastTicketCode(t, kioskCitizen.email);
        const wrong = code === '000000' ? '111111' : '000000';
        expect(await failure(kiosk, 'tickets.confirm', { draftId: started.draftId, code: wrong })).toMatchObject({
          code: 'validation',
          message: expect.stringContaining('Le quedan 4 intentos'),
        });
        const created = await callOk(kiosk, 'tickets.confirm', { draftId: started.draftId, code });
        expect(created.number).toMatch(/^TK-\d{4}-000001$/);
        expect(created).toMatchObject({ categoryLabel: 'Lectura y medidor', email: kioskCitizen.email });
        const confirmation = await t.server.database.exec.query<{ text: string }>(
          `SELECT text FROM mail_outbox WHERE recipient = $1 AND template = 'ticket-created'`,
          [kioskCitizen.email],
        );
        expect(confirmation.rows[0]?.text).toContain(created.number);
        // The photo went with the ticket: the kiosk let it go.
        expect(await failure(kiosk, 'tickets.start', { fields: kioskCitizen, fileIds: [photoId] })).toMatchObject({
          code: 'validation',
          message: ticketMessages.fileGone,
        });

        const printed = await callOk(kiosk, 'tickets.printNumber', { number: created.number });
        expect(printed.jobId).not.toBe('');
        await until(
          'the receipt printed',
          () => callOk(kiosk, 'print.job', { jobId: printed.jobId }),
          (job) => job.state === 'done',
        );
        const slip = printedLines(decodeEscpos(printer.received)).join(' ');
        expect(slip).toContain('Ticket de soporte');
        expect(slip).toContain(created.number);
        expect(slip).toContain('l*****@correo.test');
        expect(slip).not.toContain(kioskCitizen.email);
        // Only a number created in this visit prints.
        expect(await failure(kiosk, 'tickets.printNumber', { number: 'TK-2026-000999' })).toMatchObject({
          code: 'not-found',
        });

        // «Ver mi lista de tickets»: the number as a citizen may type it, the email in capitals.
        const typed = created.number.toLowerCase().replaceAll('-', ' ');
        const pair = { number: typed, email: kioskCitizen.email.toUpperCase() };
        const list = await callOk(kiosk, 'tickets.list', pair);
        expect(list.tickets).toEqual([
          expect.objectContaining({
            number: created.number,
            subject: kioskCitizen.subject,
            state: 'abierto',
            categoryLabel: 'Lectura y medidor',
          }),
        ]);

        const detail = await callOk(kiosk, 'tickets.detail', { ...pair, ticket: created.number });
        expect(detail).toMatchObject({
          description: kioskCitizen.description,
          state: 'abierto',
          name: kioskCitizen.name,
        });
        expect(detail.events.map((e) => e.kind)).toEqual(['created']);
        const [file] = detail.events[0]?.attachments ?? [];
        expect(file).toMatchObject({ displayName: 'foto-del-medidor.jpg', contentType: 'image/jpeg' });

        // The photo comes back to show, cleaned of its EXIF (GPS, camera) by the server.
        const shown = await callOk(kiosk, 'tickets.attachment', {
          ...pair,
          ticket: created.number,
          attachmentId: file?.id ?? '',
        });
        expect(shown).toMatchObject({ contentType: 'image/jpeg', fileName: 'foto-del-medidor.jpg' });
        const bytes = Buffer.from(shown.bytes);
        expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
        expect(hasExifBlock(bytes)).toBe(false);
        expect(bytes.includes(Buffer.from(cameraSecret))).toBe(false);

        // «Agregar o enviar un mensaje», with a PDF: it enters the history and support is told.
        const pdfId = await attachFile(kiosk, 'recibo de octubre.pdf', await samplePdf('Recibo de octubre'));
        const sent = await callOk(kiosk, 'tickets.message', {
          ...pair,
          ticket: created.number,
          body: 'Adjunto el recibo de octubre para comparar.',
          fileIds: [pdfId],
        });
        expect(sent.state).toBe('abierto');
        const after = await callOk(kiosk, 'tickets.detail', { ...pair, ticket: created.number });
        expect(after.events.map((e) => [e.kind, e.authorKind, e.body])).toEqual([
          ['created', 'citizen', null],
          ['message', 'citizen', 'Adjunto el recibo de octubre para comparar.'],
        ]);
        expect(after.events[1]?.attachments).toEqual([
          expect.objectContaining({ displayName: 'recibo de octubre.pdf', contentType: 'application/pdf' }),
        ]);
        const told = await t.server.database.exec.query<{ text: string }>(
          `SELECT text FROM mail_outbox WHERE recipient = $1 AND template = 'ticket-message'`,
          [supportAddress],
        );
        expect(told.rows[0]?.text).toContain('Adjunto el recibo de octubre');
      } finally {
        await printer.stop();
      }
    },
  );

  it(
    'refuses a field laptop, another kiosk’s draft, a wrong pair and another address’s ticket or file',
    { timeout: 180_000 },
    async () => {
      const { t } = await startTicketKioskServer(variant);
      const kiosk = await ticketDevice(t, 'kiosk');
      const other = await ticketDevice(t, 'kiosk');
      const field = await ticketDevice(t, 'field', { scope: '03' });

      // A field laptop: its own dispatcher refuses, and so does the server to its token.
      expect(await failure(field, 'tickets.categories', {})).toMatchObject({ code: 'forbidden' });
      const fieldToken = field.meta.get('deviceToken') ?? '';
      const fromField = await t.request(
        '/v1/tickets/start',
        postJson({ fields: kioskCitizen, files: [] }, { authorization: `Bearer ${fieldToken}` }),
      );
      expect(fromField.status).toBe(403);
      expect(fromField.body).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: expect.stringContaining('no atiende tickets de soporte') },
      });
      expect((await t.server.database.exec.query('SELECT id FROM ticket_drafts')).rows).toHaveLength(0);
      // A counter may help a citizen file one.
      const counter = await ticketDevice(t, 'cashier');
      expect((await callOk(counter, 'tickets.categories', {})).categories.length).toBeGreaterThan(0);

      // Another kiosk cannot resend or confirm this kiosk's draft, even with the right code.
      const started = await callOk(kiosk, 'tickets.start', { fields: kioskCitizen, fileIds: [] });
      const code = await lastTicketCode(t, kioskCitizen.email);
      const stolen = { draftId: started.draftId, code };
      expect(await failure(other, 'tickets.confirm', stolen)).toMatchObject({ code: 'not-found' });
      expect(await failure(other, 'tickets.resend', { draftId: started.draftId })).toMatchObject({
        code: 'not-found',
      });
      // …and its tries did not count: the citizen's own kiosk still creates it.
      const mine = await callOk(kiosk, 'tickets.confirm', stolen);
      const theirs = await fileTicket(t, other, [], { email: 'otra.persona@correo.test', name: 'Otra Persona' });

      // A wrong pair and an unknown number get the same answer.
      const wrongEmail = { number: mine.number, email: 'otra.persona@correo.test' };
      const unknown = { number: 'TK-2026-999999', email: kioskCitizen.email };
      for (const pair of [wrongEmail, unknown]) {
        expect(await failure(kiosk, 'tickets.list', pair)).toEqual({ code: 'not-found', message: noSuchTickets });
        expect(await failure(kiosk, 'tickets.detail', { ...pair, ticket: mine.number })).toEqual({
          code: 'not-found',
          message: noSuchTickets,
        });
      }
      // A right pair opens its own address's tickets only: another's number is as unknown as none.
      const ownPair = { number: mine.number, email: kioskCitizen.email };
      expect(await failure(kiosk, 'tickets.detail', { ...ownPair, ticket: theirs.number })).toEqual({
        code: 'not-found',
        message: noSuchTickets,
      });
      const message: OpInput<'tickets.message'> = {
        ...ownPair,
        ticket: theirs.number,
        body: 'Quiero ver el ticket de otra persona.',
        fileIds: [],
      };
      expect(await failure(kiosk, 'tickets.message', message)).toMatchObject({ code: 'not-found' });
      // A file of another address's ticket, by its id, through this pair.
      const theirPair = { number: theirs.number, email: 'otra.persona@correo.test' };
      const theirFileId = await attachFile(other, 'factura.pdf', await samplePdf());
      await callOk(other, 'tickets.message', {
        ...theirPair,
        ticket: theirs.number,
        body: 'Va la factura.',
        fileIds: [theirFileId],
      });
      const theirDetail = await callOk(other, 'tickets.detail', { ...theirPair, ticket: theirs.number });
      const theirFile = theirDetail.events[1]?.attachments[0]?.id ?? '';
      for (const ticket of [mine.number, theirs.number])
        expect(
          await failure(kiosk, 'tickets.attachment', { ...ownPair, ticket, attachmentId: theirFile }),
        ).toMatchObject({ code: 'not-found' });
      // Nothing of the other address reached this kiosk's list.
      expect((await callOk(kiosk, 'tickets.list', ownPair)).tickets.map((x) => x.number)).toEqual([mine.number]);
    },
  );

  it(
    'refuses an oversized file at the kiosk and at the server, a disguised one at the server, a message on a resolved ticket; says when the server is down; forgets files with the visit',
    { timeout: 180_000 },
    async () => {
      const { t, attachmentsDir } = await startTicketKioskServer(variant);
      const kiosk = await ticketDevice(t, 'kiosk');
      await callOk(kiosk, 'tickets.categories', {});

      // Larger than the server takes: the kiosk refuses it from its declared size, before any byte.
      const tooBig = await failure(kiosk, 'tickets.attach', {
        fileId: '01900000-0000-7000-8000-0000000000a1',
        name: 'escaneo.pdf',
        size: serverMaxBytes + 1,
        offset: 0,
        data: Buffer.from('%PDF').toString('base64'),
      });
      expect(tooBig).toMatchObject({ code: 'validation', message: expect.stringContaining('«escaneo.pdf» pesa') });
      // A part that claims more bytes than the file said is refused, and the file forgotten.
      const fileId = '01900000-0000-7000-8000-0000000000a2';
      await callOk(kiosk, 'tickets.attach', { fileId, name: 'a.pdf', size: 4, offset: 0, data: 'JVBE' });
      expect(
        await failure(kiosk, 'tickets.attach', { fileId, name: 'a.pdf', size: 4, offset: 3, data: 'JVBERg==' }),
      ).toMatchObject({ code: 'validation', message: ticketMessages.partOutOfOrder });
      // And a device that sends more than the server takes, past the kiosk's check, is refused there.
      const token = kiosk.meta.get('deviceToken') ?? '';
      const large = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(serverMaxBytes)]);
      const direct = await t.request(
        '/v1/tickets/start',
        postJson(
          { fields: kioskCitizen, files: [{ name: 'grande.pdf', base64: large.toString('base64') }] },
          { authorization: `Bearer ${token}` },
        ),
      );
      expect(direct.status).toBe(400);
      expect(direct.body).toMatchObject({
        ok: false,
        error: { code: 'validation', message: expect.stringContaining('pesa más de 1 MB') },
      });

      // Files that are not what their name says are refused by their bytes, and no draft is kept.
      for (const impostor of impostors) {
        const id = await attachFile(kiosk, 'factura.pdf', impostor.bytes);
        const refused = await failure(kiosk, 'tickets.start', { fields: kioskCitizen, fileIds: [id] });
        expect(refused, impostor.what).toMatchObject({
          code: 'validation',
          message: expect.stringContaining('no es un archivo PDF, JPEG o PNG'),
        });
        await callOk(kiosk, 'tickets.detach', { fileId: id });
      }
      expect((await t.server.database.exec.query('SELECT id FROM ticket_drafts')).rows).toHaveLength(0);

      // A resolved ticket takes no more messages: a new need is a new ticket.
      const created = await fileTicket(t, kiosk);
      const desk = agentDesk(t, attachmentsDir);
      const id = (await ticketIdFor(t.server.database.exec, created.number, kioskCitizen.email)) ?? '';
      const proposed = await moveTicket(
        desk,
        id,
        { kind: 'agent', username: 'soporte1' },
        {
          action: 'propose-solution',
          body: 'Cambiamos el medidor el 3 de noviembre.',
        },
      );
      expect(proposed.ok).toBe(true);
      expect(
        (await moveTicket(desk, id, { kind: 'citizen' }, { action: 'accept-solution', rating: 5, comment: null })).ok,
      ).toBe(true);
      const pair = { number: created.number, email: kioskCitizen.email };
      const detail = await callOk(kiosk, 'tickets.detail', { ...pair, ticket: created.number });
      expect(detail.state).toBe('resuelto');
      expect(detail.events.map((e) => e.kind)).toEqual(['created', 'solution', 'accepted']);
      const photoId = await attachFile(kiosk, 'foto.jpg', await sidewaysJpegWithGps());
      expect(
        await failure(kiosk, 'tickets.message', {
          ...pair,
          ticket: created.number,
          body: 'Sigue marcando de más.',
          fileIds: [photoId],
        }),
      ).toMatchObject({ code: 'conflict', message: expect.stringContaining('ya está resuelto y cerrado') });
      // Refused before anything was stored on the ticket.
      const after = await callOk(kiosk, 'tickets.detail', { ...pair, ticket: created.number });
      expect(after.events).toHaveLength(3);

      // Without the central server the kiosk says so in its own words; a file is still held for later.
      await t.stop();
      const offline = { code: 'offline', message: ticketMessages.offline };
      expect(await failure(kiosk, 'tickets.list', pair)).toEqual(offline);
      expect(await failure(kiosk, 'tickets.start', { fields: kioskCitizen, fileIds: [photoId] })).toEqual(offline);
      expect(ticketMessages.offline).toMatch(/^Los tickets de soporte necesitan conexión con el servidor central/);
      // The end of the visit lets the held file go.
      await callOk(kiosk, 'kiosk.sessionEnded', { reason: 'idle', durationSeconds: 120 });
      expect(await failure(kiosk, 'tickets.start', { fields: kioskCitizen, fileIds: [photoId] })).toMatchObject({
        code: 'validation',
        message: ticketMessages.fileGone,
      });
    },
  );
});
