import { expect, it } from 'vitest';
import { moveTicket } from '../../../src-server/tickets/ticket-actions';
import { ticketLinkPath } from '../../../src-server/tickets/ticket-links';
import { hasExifBlock, hasGpsTag, sidewaysJpegWithGps } from '../../support/attachment-fixtures';
import { describeEachServerDatabase } from '../../support/postgres';
import { ConsoleClient, csrfOf, type ConsoleAnswer } from '../../support/staff-console';
import { citizenFields, samplePdf } from '../../support/ticket-server';
import { startTicketWebServer, type TicketWebServer } from '../../support/ticket-web';

/**
 * The citizens' /soporte pages over real HTTP, as a phone's browser uses them: cookies kept, the
 * CSRF token read from each page, redirects looked at one by one. The code and the links come
 * from the mail the server queued, as the citizen reads them.
 */

type Fields = Record<string, string>;

function multipart(fields: Fields, files: readonly { name: string; bytes: Buffer; type: string }[] = []): FormData {
  const form = new FormData();
  // The CSRF field first, as the pages put it: the server checks it before reading any file.
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const f of files) form.append('adjuntos', new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
  if (files.length === 0) form.append('adjuntos', new Blob([], { type: 'application/octet-stream' }), '');
  return form;
}

const ticketFields = (over: Partial<Fields> = {}): Fields => ({ ...citizenFields, ...over });

/** Follows one 303 and answers the page it leads to. */
async function follow(client: ConsoleClient, answer: ConsoleAnswer): Promise<ConsoleAnswer> {
  expect(answer.status, answer.text.slice(0, 400)).toBe(303);
  if (answer.location === null) throw new Error('a redirect without a location');
  return client.get(answer.location);
}

/** Creates a ticket through the pages (form, mailed code) and answers the page with its number. */
async function createOnWeb(
  s: TicketWebServer,
  client: ConsoleClient,
  fields: Fields,
  files: readonly { name: string; bytes: Buffer; type: string }[] = [],
): Promise<{ number: string; createdPage: ConsoleAnswer; createdPath: string }> {
  const form = await client.get('/soporte/crear');
  const posted = await client.postMultipart('/soporte/crear', multipart({ csrf: csrfOf(form.text), ...fields }, files));
  const codePage = await follow(client, posted);
  const code = await s.lastCode(fields.email ?? '');
  const confirmed = await client.post(posted.location ?? '', { csrf: csrfOf(codePage.text), codigo: code });
  const createdPath = confirmed.location ?? '';
  const createdPage = await follow(client, confirmed);
  const number = /TK-\d{4}-\d{6}/.exec(createdPage.text)?.[0];
  if (number === undefined) throw new Error(`no ticket number on the page:\n${createdPage.text}`);
  return { number, createdPage, createdPath };
}

/** «Ver mi lista de tickets»: the list page, and the path of its token. */
async function openList(client: ConsoleClient, number: string, email: string): Promise<ConsoleAnswer> {
  const lookup = await client.get('/soporte/lista');
  return client.post('/soporte/lista', { csrf: csrfOf(lookup.text), numero: number, correo: email });
}

const tokenIn = (path: string): string =>
  /\/soporte\/(?:ticket|lista|creado)\/([A-Za-z0-9_-]{43})/.exec(path)?.[1] ?? '';

const ticketIdOf = async (s: TicketWebServer, number: string): Promise<string> => {
  const rows = await s.query<{ id: string }>('SELECT id FROM tickets WHERE number = $1', [number]);
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`no ticket ${number}`);
  return id;
};

function expectSafeHeaders(answer: ConsoleAnswer): void {
  const csp = answer.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("form-action 'self'");
  expect(csp).not.toContain('script-src');
  expect(csp).not.toContain('unsafe-inline');
  expect(answer.headers.get('cache-control')).toBe('no-store');
  expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
  expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  expect(answer.headers.get('x-frame-options')).toBe('DENY');
}

describeEachServerDatabase('the citizens’ support pages at /soporte', (variant) => {
  it(
    'a ticket’s whole life from a browser: created with a PDF and a photo, its code, the list, a message, a solution rejected and then accepted with 4 stars',
    { timeout: 120_000 },
    async () => {
      const s = await startTicketWebServer(variant);
      const phone = new ConsoleClient(s.url);

      const start = await phone.get('/soporte');
      expect(start.status).toBe(200);
      expectSafeHeaders(start);
      expect(start.text).toContain('Crear ticket');
      expect(start.text).toContain('Ver mi lista de tickets');
      expect(start.text).toContain('300 000 0000');
      expect(start.text).toContain('href="tel:3000000000"');

      // The form, with a PDF and a phone's photo that says where it was taken.
      const pdf = await samplePdf('Factura de octubre, cobro doble');
      const photo = await sidewaysJpegWithGps();
      expect(hasGpsTag(photo)).toBe(true);
      const form = await phone.get('/soporte/crear');
      expectSafeHeaders(form);
      expect(form.text).toContain('Factura y cobros');
      expect(form.text).toMatch(/<input\s+type="file"[^>]*name="adjuntos"[^>]*multiple/);
      const cookie = phone.lastSetCookies.find((c) => c.startsWith('ventanilla-soporte='));
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).toMatch(/Path=\/soporte/);
      const posted = await phone.postMultipart(
        '/soporte/crear',
        multipart({ csrf: csrfOf(form.text), ...ticketFields() }, [
          { name: 'factura-octubre.pdf', bytes: pdf, type: 'application/pdf' },
          { name: 'medidor.jpg', bytes: photo, type: 'image/jpeg' },
        ]),
      );
      expect(posted.status, posted.text.slice(0, 500)).toBe(303);
      expect(posted.location).toMatch(/^\/soporte\/codigo\/[0-9a-f-]{36}$/);
      expect(await s.query('SELECT id FROM tickets')).toEqual([]);

      const codePage = await phone.get(posted.location ?? '');
      expectSafeHeaders(codePage);
      expect(codePage.text).toContain('Revise su bandeja de entrada');
      expect(codePage.text).toContain(citizenFields.email);
      expect(codePage.text).toContain('Reenviar el código');
      expect(codePage.text).toContain('300 000 0000');
      const code = await s.lastCode(citizenFields.email);
      const wrong = await phone.post(posted.location ?? '', {
        csrf: csrfOf(codePage.text),
        codigo: code === '000000' ? '111111' : '000000',
      });
      expect(wrong.status).toBe(400);
      expect(wrong.text).toContain('Le quedan 4 intentos');
      const confirmed = await phone.post(posted.location ?? '', { csrf: csrfOf(wrong.text), codigo: code });
      expect(confirmed.location).toMatch(/^\/soporte\/creado\/[A-Za-z0-9_-]{43}$/);
      const created = await follow(phone, confirmed);
      expectSafeHeaders(created);
      const number = /<p class="big" data-testid="numero">(TK-\d{4}-\d{6})<\/p>/.exec(created.text)?.[1] ?? '';
      expect(number).toMatch(/^TK-\d{4}-000001$/);
      expect(await s.lastMail(citizenFields.email, 'ticket-created')).toContain(number);
      // The code worked once: the same form again is told the code no longer serves.
      const again = await phone.post(posted.location ?? '', { csrf: csrfOf(codePage.text), codigo: code });
      expect(again.status).toBe(404);
      expect(again.text).toContain('ya no sirve');

      // «Ver mi lista de tickets»: the number and email are posted, the address holds a token only.
      const listed = await openList(phone, number.toLowerCase().replace(/-/g, ' '), citizenFields.email.toUpperCase());
      expect(listed.location).toMatch(/^\/soporte\/lista\/[A-Za-z0-9_-]{43}$/);
      const list = await follow(phone, listed);
      expectSafeHeaders(list);
      expect(list.text).toContain(number);
      expect(list.text).toContain('Cobro doble en la factura');
      expect(list.text).toContain('Abierto');
      const entry = new RegExp(`href="(/soporte/lista/[A-Za-z0-9_-]{43}/${number})"`).exec(list.text)?.[1];
      expect(entry).toBeDefined();
      const opened = await phone.get(entry ?? '');
      expect(opened.location).toMatch(new RegExp(`^${ticketLinkPath}[A-Za-z0-9_-]{43}$`));
      const ticketPath = opened.location ?? '';
      const page = await phone.get(ticketPath);
      expectSafeHeaders(page);
      expect(page.text).toContain(`Ticket ${number}`);
      expect(page.text).toContain('Detalles de la solicitud');
      expect(page.text).toContain('Documentos adjuntos');
      expect(page.text).toContain('Histórico de eventos y mensajes');
      expect(page.text).toContain('Agregar o enviar un mensaje');
      expect(page.text).not.toContain('Aceptar solución');

      // The files as stored: the PDF byte for byte, the photo without its EXIF and GPS.
      const files = [
        ...page.text.matchAll(/href="(\/soporte\/ticket\/[^"]+\/adjuntos\/[0-9a-f-]{36})"[^>]*>([^<]+)</g),
      ];
      // Listed under «Documentos adjuntos» and again beside the event that brought them.
      expect(files.map((m) => m[2])).toEqual([
        'factura-octubre.pdf',
        'medidor.jpg',
        'factura-octubre.pdf',
        'medidor.jpg',
      ]);
      const pdfBack = await fetch(`${s.url}${files[0]?.[1] ?? ''}`);
      expect(pdfBack.headers.get('content-type')).toBe('application/pdf');
      expect(pdfBack.headers.get('content-disposition')).toMatch(/^attachment; filename="factura-octubre.pdf"/);
      expect(pdfBack.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
      expect(pdfBack.headers.get('cache-control')).toBe('private, no-store');
      expect(pdfBack.headers.get('referrer-policy')).toBe('no-referrer');
      expect(Buffer.from(await pdfBack.arrayBuffer()).equals(pdf)).toBe(true);
      const photoBack = Buffer.from(await (await fetch(`${s.url}${files[1]?.[1] ?? ''}`)).arrayBuffer());
      expect(photoBack.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
      expect(hasGpsTag(photoBack)).toBe(false);
      expect(hasExifBlock(photoBack)).toBe(false);

      // «Agregar o enviar un mensaje», with a file: it joins the history, the team is told.
      const sent = await phone.postMultipart(
        `${ticketPath}/mensaje`,
        multipart({ csrf: csrfOf(page.text), mensaje: 'Adjunto el recibo del pago de septiembre.' }, [
          { name: 'recibo.pdf', bytes: await samplePdf('Recibo de septiembre'), type: 'application/pdf' },
        ]),
      );
      expect(sent.location).toBe(`${ticketPath}?aviso=mensaje`);
      const withMessage = await phone.get(sent.location ?? '');
      expect(withMessage.text).toContain('Su mensaje quedó en el histórico del ticket');
      expect(withMessage.text).toContain('Adjunto el recibo del pago de septiembre.');
      expect(withMessage.text).toContain('recibo.pdf');
      expect(await s.lastMail('soporte@entidad.test', 'ticket-message')).toContain(
        'Adjunto el recibo del pago de septiembre.',
      );

      // An agent takes it and writes an internal note: the citizen sees someone took it, never who or the note.
      const ticketId = await ticketIdOf(s, number);
      const agent = { kind: 'agent', username: 'soporte1' } as const;
      expect((await moveTicket(s.ctx, ticketId, agent, { action: 'assign', assignee: 'soporte1' })).ok).toBe(true);
      const noted = await moveTicket(s.ctx, ticketId, agent, {
        action: 'internal-note',
        body: 'Nota interna: revisar el medidor 4471 con el lector',
      });
      expect(noted.ok).toBe(true);
      const taken = await phone.get(ticketPath);
      expect(taken.text).toMatch(/data-testid="estado">En atención</);
      expect(taken.text).toContain('Un agente de soporte tomó su ticket');
      expect(taken.text).not.toContain('medidor 4471');
      expect(taken.text).not.toContain('soporte1');

      // An agent proposes a solution; the mailed link opens the same page with the two choices.
      const firstLink = await s.proposeSolution(ticketId, 'Anulamos el cargo repetido; verá el ajuste en noviembre.');
      const firstPath = new URL(firstLink).pathname;
      const proposed = await phone.get(firstPath);
      expect(proposed.status).toBe(200);
      expect(proposed.text).toContain('Solución propuesta');
      expect(proposed.text).toContain('Anulamos el cargo repetido');
      expect(proposed.text).toContain('Aceptar solución');
      expect(proposed.text).toContain('Rechazar solución');
      expect(proposed.text.match(/type="radio"/g)).toHaveLength(5);
      expect(proposed.text).not.toMatch(/type="radio"[^>]*checked/);

      // «Rechazar solución» needs a reason; with one the ticket is reopened.
      const noReason = await phone.post(`${firstPath}/rechazar`, { csrf: csrfOf(proposed.text), motivo: '  ' });
      expect(noReason.status).toBe(400);
      expect(noReason.text).toContain('Cuéntenos por qué rechaza la solución.');
      expect(noReason.text).toMatch(/<details open>\s*<summary>Rechazar solución<\/summary>/);
      const rejected = await phone.post(`${firstPath}/rechazar`, {
        csrf: csrfOf(proposed.text),
        motivo: 'El cargo sigue en la factura de noviembre.',
      });
      expect(rejected.location).toBe(`${firstPath}?aviso=rechazada`);
      const reopened = await phone.get(rejected.location ?? '');
      expect(reopened.text).toMatch(/data-testid="estado">Reabierto</);
      expect(reopened.text).toContain('El cargo sigue en la factura de noviembre.');
      expect(await s.lastMail('soporte@entidad.test', 'ticket-reopened')).toContain('El cargo sigue');

      // Proposed again; no star is no rating; 4 stars and a comment close it as Resuelto.
      const secondPath = new URL(await s.proposeSolution(ticketId, 'Emitimos una nota crédito por el valor.')).pathname;
      const second = await phone.get(secondPath);
      const noStar = await phone.post(`${secondPath}/aceptar`, { csrf: csrfOf(second.text), comentario: 'Bien' });
      expect(noStar.status).toBe(400);
      expect(noStar.text).toContain('Elija de 1 a 5 estrellas para calificar el servicio.');
      expect(noStar.text).toContain('>Bien</textarea>');
      const tooMany = await phone.post(`${secondPath}/aceptar`, { csrf: csrfOf(second.text), estrellas: '6' });
      expect(tooMany.status).toBe(400);
      const accepted = await phone.post(`${secondPath}/aceptar`, {
        csrf: csrfOf(second.text),
        estrellas: '4',
        comentario: 'Gracias por la nota crédito.',
      });
      expect(accepted.location).toBe(`${secondPath}?aviso=aceptada`);
      const resolved = await phone.get(accepted.location ?? '');
      expect(resolved.text).toMatch(/data-testid="estado">Resuelto</);
      expect(resolved.text).toContain('4 estrellas');
      expect(resolved.text).not.toContain('Agregar o enviar un mensaje');
      const [row] = await s.query<{ state: string; rating: number; rating_comment: string }>(
        'SELECT state, rating, rating_comment FROM tickets WHERE id = $1',
        [ticketId],
      );
      expect(row).toEqual({ state: 'resuelto', rating: 4, rating_comment: 'Gracias por la nota crédito.' });
      expect(await s.lastMail(citizenFields.email, 'ticket-resolved')).toContain(number);

      // A message on a resolved ticket is refused in Spanish (an old tab's form still posts).
      const late = await phone.postMultipart(
        `${secondPath}/mensaje`,
        multipart({ csrf: csrfOf(second.text), mensaje: 'Una pregunta más sobre el cobro.' }),
      );
      expect(late.status).toBe(409);
      expect(late.text).toContain(
        'Este ticket ya está resuelto y cerrado. Si necesita algo más, cree un ticket nuevo.',
      );
      const events = await s.query<{ n: string }>('SELECT count(*) AS n FROM ticket_events WHERE ticket_id = $1', [
        ticketId,
      ]);
      expect(Number(events[0]?.n)).toBe(8);
    },
  );

  it('refuses a POST without the browser’s CSRF token, or sent from another site', { timeout: 60_000 }, async () => {
    const s = await startTicketWebServer(variant);
    const phone = new ConsoleClient(s.url);
    const form = await phone.get('/soporte/crear');
    const csrf = csrfOf(form.text);
    const stranger = new ConsoleClient(s.url);
    const attempts: ConsoleAnswer[] = [
      // No token at all, a wrong one, one without its cookie (another browser), another site's page.
      await phone.postMultipart('/soporte/crear', multipart(ticketFields())),
      await phone.postMultipart(
        '/soporte/crear',
        multipart({ csrf: `${csrf.slice(0, -2)}${csrf.endsWith('xx') ? 'yy' : 'xx'}`, ...ticketFields() }),
      ),
      await stranger.postMultipart('/soporte/crear', multipart({ csrf, ...ticketFields() })),
      await phone.post(
        '/soporte/lista',
        { csrf, numero: 'TK-2026-000001', correo: citizenFields.email },
        {
          'sec-fetch-site': 'cross-site',
        },
      ),
      await phone.post(
        '/soporte/lista',
        { csrf, numero: 'TK-2026-000001', correo: citizenFields.email },
        {
          origin: 'https://atacante.example',
        },
      ),
    ];
    for (const answer of attempts) {
      expect(answer.status).toBe(403);
      expect(answer.text).toContain('No se pudo verificar el formulario');
      expectSafeHeaders(answer);
    }
    // A photo sent with no token is never read into the store.
    const withFile = await stranger.postMultipart(
      '/soporte/crear',
      multipart({ csrf, ...ticketFields() }, [
        { name: 'f.jpg', bytes: await sidewaysJpegWithGps(), type: 'image/jpeg' },
      ]),
    );
    expect(withFile.status).toBe(403);
    expect(await s.query('SELECT id FROM ticket_drafts')).toEqual([]);
    expect(await s.query("SELECT key FROM login_throttle WHERE key LIKE 'ticket-lookup%'")).toEqual([]);

    // Our own form, as Chromium sends it from a no-referrer page (Origin: null), is taken.
    const ok = await phone.postMultipart('/soporte/crear', multipart({ csrf, ...ticketFields() }));
    expect(ok.status).toBe(303);
    const code = await phone.get(ok.location ?? '');
    const confirmed = await phone.post(
      ok.location ?? '',
      { csrf: csrfOf(code.text), codigo: await s.lastCode(citizenFields.email) },
      { origin: 'null', 'sec-fetch-site': 'same-origin' },
    );
    expect(confirmed.status).toBe(303);
    // ... and a forged code form from elsewhere changes nothing on the ticket it names.
    const token = tokenIn(confirmed.location ?? '');
    const forged = await stranger.post(`${ticketLinkPath}${token}/rechazar`, {
      csrf,
      motivo: 'No me sirve la solución.',
    });
    expect(forged.status).toBe(403);
  });

  it(
    'a link opens its own ticket only, not after it expires; a wrong number and email pair is answered like an unknown one',
    { timeout: 90_000 },
    async () => {
      const s = await startTicketWebServer(variant);
      const ana = new ConsoleClient(s.url);
      const luis = new ConsoleClient(s.url);
      const pdf = await samplePdf('Documento privado de Ana');
      const a = await createOnWeb(s, ana, ticketFields(), [
        { name: 'privado.pdf', bytes: pdf, type: 'application/pdf' },
      ]);
      const b = await createOnWeb(s, luis, ticketFields({ name: 'Luis Gómez', email: 'luis.gomez@correo.test' }));
      const aToken = tokenIn(a.createdPath);
      const bToken = tokenIn(b.createdPath);
      const aPage = await ana.get(`${ticketLinkPath}${aToken}`);
      const fileId = /\/adjuntos\/([0-9a-f-]{36})"/.exec(aPage.text)?.[1] ?? '';
      expect(fileId).not.toBe('');

      // Luis's link: his ticket, never Ana's file, message or list.
      const bPage = await luis.get(`${ticketLinkPath}${bToken}`);
      expect(bPage.text).toContain(b.number);
      expect(bPage.text).not.toContain(a.number);
      const steal = await luis.get(`${ticketLinkPath}${bToken}/adjuntos/${fileId}`);
      expect(steal.status).toBe(404);
      expect(steal.text).not.toContain('%PDF');
      const bList = await luis.get(`/soporte/lista/${bToken}`);
      expect(bList.text).toContain(b.number);
      expect(bList.text).not.toContain(a.number);
      const aThroughB = await luis.get(`/soporte/lista/${bToken}/${a.number}`);
      expect(aThroughB.status).toBe(404);
      const note = await luis.postMultipart(
        `${ticketLinkPath}${bToken}/mensaje`,
        multipart({ csrf: csrfOf(bPage.text), mensaje: 'Mensaje de Luis' }),
      );
      expect(note.status).toBe(303);
      const aId = await ticketIdOf(s, a.number);
      const aMessages = await s.query('SELECT id FROM ticket_events WHERE ticket_id = $1 AND kind = $2', [
        aId,
        'message',
      ]);
      expect(aMessages).toEqual([]);
      // Ana's own link downloads it.
      expect((await fetch(`${s.url}${ticketLinkPath}${aToken}/adjuntos/${fileId}`)).status).toBe(200);

      // A wrong pair (Ana's number, Luis's email) and an unknown number get one answer.
      const wrongPair = await openList(luis, a.number, 'luis.gomez@correo.test');
      const unknown = await openList(luis, 'TK-2026-999999', 'luis.gomez@correo.test');
      expect(wrongPair.status).toBe(404);
      expect(unknown.status).toBe(wrongPair.status);
      const message = (page: string) => /role="alert">([^<]+)</.exec(page)?.[1];
      expect(message(wrongPair.text)).toContain('No encontramos tickets con ese número y ese correo.');
      expect(message(unknown.text)).toBe(message(wrongPair.text));
      expect(wrongPair.text).toContain('luis.gomez@correo.test');

      // Links from the pages live an hour; the server's clock moves past it.
      const list = await openList(ana, a.number, citizenFields.email);
      s.advance(61 * 60_000);
      for (const path of [
        `${ticketLinkPath}${aToken}`,
        list.location ?? '',
        `${ticketLinkPath}${aToken}/adjuntos/${fileId}`,
      ]) {
        const gone = await ana.get(path);
        expect(gone.status).toBe(404);
        expect(gone.text).toContain('Este enlace ya no sirve');
        expect(gone.text).not.toContain(a.number);
      }
      const late = await ana.post(`${ticketLinkPath}${aToken}/rechazar`, { csrf: csrfOf(aPage.text), motivo: 'tarde' });
      expect(late.status).toBe(404);
      // An unknown token is the same page.
      const made = await ana.get(`${ticketLinkPath}${'A'.repeat(43)}`);
      expect(made.status).toBe(404);
      expect(made.text).toContain('Este enlace ya no sirve');
    },
  );

  it(
    'the code page: «Reenviar el código» spaced and the old code void, a draft gone after its minutes, too many files refused whole',
    { timeout: 60_000 },
    async () => {
      const s = await startTicketWebServer(variant);
      const phone = new ConsoleClient(s.url);
      const form = await phone.get('/soporte/crear');
      const csrf = csrfOf(form.text);

      // Six files where five fit: the service's count; more than one over: the parser's limit.
      const pdf = await samplePdf();
      const files = (n: number) =>
        Array.from({ length: n }, (_, i) => ({ name: `hoja-${i + 1}.pdf`, bytes: pdf, type: 'application/pdf' }));
      const six = await phone.postMultipart('/soporte/crear', multipart({ csrf, ...ticketFields() }, files(6)));
      expect(six.status).toBe(400);
      expect(six.text).toContain('Puede adjuntar hasta 5 archivos por envío; eligió 6.');
      const nine = await phone.postMultipart('/soporte/crear', multipart({ csrf, ...ticketFields() }, files(9)));
      expect(nine.status).toBe(400);
      expect(nine.text).toContain('Puede adjuntar hasta 5 archivos por envío.');
      expect(nine.text).toContain('elíjalos de nuevo');
      expect(await s.query('SELECT id FROM ticket_drafts')).toEqual([]);

      const posted = await phone.postMultipart('/soporte/crear', multipart({ csrf, ...ticketFields() }, files(2)));
      const codePath = posted.location ?? '';
      const first = await s.lastCode(citizenFields.email);
      const soon = await phone.post(`${codePath}/reenviar`, { csrf });
      expect(soon.status).toBe(429);
      expect(soon.text).toMatch(/Espere \d+ segundos antes de pedir otro código/);
      s.advance(61_000);
      const resent = await phone.post(`${codePath}/reenviar`, { csrf });
      expect(resent.location).toBe(`${codePath}?aviso=reenviado`);
      expect((await phone.get(resent.location ?? '')).text).toContain('Le enviamos un código nuevo.');
      const second = await s.lastCode(citizenFields.email);
      if (second !== first) {
        const old = await phone.post(codePath, { csrf, codigo: first });
        expect(old.status).toBe(400);
        expect(old.text).toContain('El código no es correcto');
      }
      s.advance(11 * 60_000);
      const gone = await phone.get(codePath);
      expect(gone.status).toBe(404);
      expect(gone.text).toContain('Vuelva a crear el ticket');
      const late = await phone.post(codePath, { csrf, codigo: second });
      expect(late.status).toBe(404);
      expect(await s.query('SELECT id FROM tickets')).toEqual([]);
    },
  );

  it('counts links that open nothing per client and then asks it to wait', { timeout: 60_000 }, async () => {
    const s = await startTicketWebServer(variant);
    const scanner = new ConsoleClient(s.url);
    for (let i = 0; i < 20; i += 1) {
      const miss = await scanner.get(`${ticketLinkPath}${String(i).padStart(43, 'x')}`);
      expect(miss.status).toBe(404);
    }
    const blocked = await scanner.get(`${ticketLinkPath}${'y'.repeat(43)}`);
    expect(blocked.status).toBe(429);
    expect(blocked.text).toContain('Espere 10 minutos');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(500);
    // The address is kept only as a hash.
    const keys = await s.query<{ key: string }>("SELECT key FROM login_throttle WHERE key LIKE 'ticket-web%'");
    expect(keys.map((k) => k.key)).toEqual([expect.stringMatching(/^ticket-web-link-miss:ip:[0-9a-f]{32}$/)]);
    expect(keys[0]?.key).not.toContain('127.0.0.1');
    // A mistyped address under /soporte is a page with the way back, not the API's JSON.
    const mistyped = await scanner.get('/soporte/lista-de-tiquetes');
    expect(mistyped.status).toBe(404);
    expect(mistyped.headers.get('content-type')).toMatch(/^text\/html/);
    expect(mistyped.text).toContain('No encontramos esa página');
    expectSafeHeaders(mistyped);
  });

  it('escapes what citizens type, keeps the form after a refusal and says to choose the files again', async () => {
    const s = await startTicketWebServer(variant, { maxBytes: 64 * 1024 });
    const phone = new ConsoleClient(s.url);
    const hostile = ticketFields({
      name: 'Ana <img src=x onerror=alert(1)>',
      subject: '<script>alert("asunto")</script>',
      description: 'Texto con "comillas" y </textarea><script>alert(2)</script>',
    });
    const form = await phone.get('/soporte/crear');
    const csrf = csrfOf(form.text);

    // A file over the limit: the form comes back with everything typed, and says so.
    const big = Buffer.concat([await samplePdf(), Buffer.alloc(100 * 1024, 0x20)]);
    const refused = await phone.postMultipart(
      '/soporte/crear',
      multipart({ csrf, ...hostile }, [{ name: 'escaneo-grande.pdf', bytes: big, type: 'application/pdf' }]),
    );
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('«escaneo-grande.pdf» pesa más de');
    expect(refused.text).toContain('elíjalos de nuevo');
    expect(refused.text).toContain('value="&lt;script&gt;alert(&quot;asunto&quot;)&lt;/script&gt;"');
    expect(refused.text).toContain('&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;</textarea>');
    expect(refused.text).not.toContain('<script>');
    expect(refused.text).not.toContain('<img src=x');

    // Fields the rules refuse: each message beside its field, nothing stored.
    const invalid = await phone.postMultipart(
      '/soporte/crear',
      multipart({ csrf, ...ticketFields({ email: 'ana-sin-arroba', category: '', subject: 'Hola' }) }),
    );
    expect(invalid.status).toBe(400);
    expect(invalid.text).toContain('Escriba un correo válido, por ejemplo nombre@correo.com.');
    expect(invalid.text).toContain('Elija una categoría.');
    expect(invalid.text).toContain('al menos 5 letras');
    expect(invalid.text).toContain('value="ana-sin-arroba"');
    expect(invalid.text).toMatch(/id="email"[^>]*aria-invalid="true"/);
    expect(await s.query('SELECT id FROM ticket_drafts')).toEqual([]);

    // Created with the hostile text: every page shows it as text.
    const created = await createOnWeb(s, phone, hostile);
    const page = await phone.get(`${ticketLinkPath}${tokenIn(created.createdPath)}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('&lt;script&gt;alert(&quot;asunto&quot;)&lt;/script&gt;');
    expect(page.text).toContain('Ana &lt;img src=x onerror=alert(1)&gt;');
    expect(page.text).not.toContain('<script>');
    expect(page.text).not.toContain('<img src=x');
    const list = await follow(phone, await openList(phone, created.number, citizenFields.email));
    expect(list.text).toContain('&lt;script&gt;alert(&quot;asunto&quot;)&lt;/script&gt;');
    expect(list.text).not.toContain('<script>');
    expect(created.createdPage.text).not.toContain('<script>');
  });
});
