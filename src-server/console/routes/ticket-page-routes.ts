import type { FastifyReply } from 'fastify';
import type { Result } from '../../../src-shared/api/result';
import { readTicketNumber } from '../../../src-shared/tickets/ticket-number';
import { refusedTicketAction, type TicketAction, type TicketState } from '../../../src-shared/tickets/ticket-states';
import type { AttachmentUpload } from '../../tickets/attachments';
import { moveTicket, type TicketMove } from '../../tickets/ticket-actions';
import type { TicketContext } from '../../tickets/ticket-context';
import { attachmentOf, ticketDetail } from '../../tickets/ticket-queries';
import { sendPage } from '../console-http';
import { consolePaths, type Notice } from '../console-layout';
import type { ConsoleRequestContext, ConsoleRouter } from '../console-routes';
import { isMultipartForm } from '../form-bodies';
import { messagePage } from '../login-page';
import { ticketAgents, ticketIdByNumber, ticketDevice } from '../ticket-console-queries';
import { ticketPage, type TicketForm, type TypedTicketForms } from '../ticket-page';
import { notFound, param, statusOf } from './ticket-routing';

/**
 * One ticket's page, its attachments, and its actions (assign, reply, internal note, propose a
 * solution). `router` is already gated to those who work tickets (ticketWorkRouter).
 */
export function registerTicketPageRoutes(router: ConsoleRouter, tickets: TicketContext): void {
  const { deps, page, action } = router;
  const exec = tickets.database.exec;
  const { maxCount, maxBytes, allowedTypes } = tickets.attachments.config;
  // Every file of one answer, with room for the form's other parts; a larger body is a 413 page.
  const replyBodyLimit = maxCount * maxBytes + 1024 * 1024;
  const files = {
    maxCount,
    maxMegabytes: Math.floor(maxBytes / 1_048_576),
    accept: allowedTypes.map((t) => (t === 'jpeg' ? '.jpg,.jpeg' : `.${t}`)).join(','),
  };

  /** The ticket a path names, read whole with the agents' notes; null when there is none. */
  async function load(params: unknown) {
    const number = readTicketNumber(param(params, 'number'));
    const id = number === null ? null : await ticketIdByNumber(exec, number.text);
    return id === null ? null : await ticketDetail(exec, id, true);
  }

  async function showTicket(
    reply: FastifyReply,
    ctx: ConsoleRequestContext,
    id: string,
    opts: { notice?: Notice; typed?: TypedTicketForms; status?: number } = {},
  ) {
    const ticket = await ticketDetail(exec, id, true);
    if (ticket === null) return notFound(reply, 'No existe ese ticket.');
    const frame = ctx.frame();
    return sendPage(
      reply,
      ticketPage(opts.notice === undefined ? frame : { ...frame, notice: opts.notice }, {
        ticket,
        device: await ticketDevice(exec, id),
        categories: tickets.config.categories,
        agents: await ticketAgents(exec),
        now: tickets.now(),
        files,
        ...(opts.typed === undefined ? {} : { typed: opts.typed }),
      }),
      opts.status ?? 200,
    );
  }

  const ticketPath = `${consolePaths.tickets}/:number`;

  page(ticketPath, async (request, reply, ctx) => {
    const ticket = await load(request.params);
    if (ticket === null) return notFound(reply, 'No existe ese ticket. Revise el número (por ejemplo TK-2026-000123).');
    return showTicket(reply, ctx, ticket.id);
  });

  page(`${ticketPath}/adjuntos/:file`, async (request, reply, ctx) => {
    const ticket = await load(request.params);
    // Only a file of this ticket: another ticket's attachment id under this number is not found.
    const file = ticket === null ? null : await attachmentOf(exec, ticket.id, param(request.params, 'file'), true);
    if (ticket === null || file === null) return notFound(reply, 'Ese adjunto no existe en este ticket.');
    const served = await tickets.attachments.serve(reply, file);
    if (!served.ok) {
      deps.log.error(
        { staff: ctx.staff.username, ticket: ticket.number, code: served.error.code },
        'attachment not served',
      );
      return sendPage(
        reply,
        messagePage('No se pudo entregar el adjunto', served.error.message, {
          href: `${consolePaths.tickets}/${ticket.number}`,
          label: 'Volver al ticket',
        }),
        500,
      );
    }
    deps.log.info({ staff: ctx.staff.username, ticket: ticket.number }, 'attachment downloaded');
    return served.value;
  });

  /**
   * One move from one of the page's forms: done → a line above the ticket's page (after a
   * redirect, so a reload does not send it again); refused → the page as the ticket is now, the
   * refusal in the agent's words and what they typed still in its box.
   */
  async function move(
    reply: FastifyReply,
    ctx: ConsoleRequestContext,
    ticket: { id: string; number: string },
    step: { move: TicketMove; form: TicketForm | null; typed: TypedTicketForms; done: string },
    context: TicketContext = tickets,
  ) {
    const result: Result<{ state: TicketState }> = await moveTicket(
      context,
      ticket.id,
      { kind: 'agent', username: ctx.staff.username },
      step.move,
    );
    if (result.ok) {
      deps.log.info({ staff: ctx.staff.username, ticket: ticket.number, action: step.move.action }, 'ticket action');
      return ctx.redirectWith(reply, `${consolePaths.tickets}/${ticket.number}`, { kind: 'ok', text: step.done });
    }
    deps.log.info(
      { staff: ctx.staff.username, ticket: ticket.number, action: step.move.action, code: result.error.code },
      'ticket action refused',
    );
    let text = result.error.message;
    if (result.error.code === 'conflict') {
      const now = await ticketDetail(exec, ticket.id, false);
      if (now !== null) text = agentRefusal(now.state, step.move.action);
    }
    return showTicket(reply, ctx, ticket.id, {
      notice: { kind: 'error', text },
      typed: step.form === null ? step.typed : { ...step.typed, refused: step.form },
      status: statusOf(result.error.code),
    });
  }

  action(`${ticketPath}/asignar`, async (request, reply, ctx, form) => {
    const ticket = await load(request.params);
    if (ticket === null) return notFound(reply, 'No existe ese ticket.');
    const agents = await ticketAgents(exec);
    const chosen = (form.asignado ?? '').trim();
    const agent = agents.find((a) => a.username === chosen);
    if (chosen !== '' && agent === undefined)
      return showTicket(reply, ctx, ticket.id, {
        notice: { kind: 'error', text: 'Elija un agente de la lista.' },
        status: 400,
      });
    // The page showed who had it; someone else may have taken it since. Nothing is taken from them unseen.
    const shown = (form.antes ?? '').trim();
    if (shown !== (ticket.assignee ?? '')) {
      const holder = agents.find((a) => a.username === ticket.assignee);
      return showTicket(reply, ctx, ticket.id, {
        notice: {
          kind: 'error',
          text:
            ticket.assignee === null
              ? 'Mientras usted tenía abierta la página, el ticket quedó sin asignar. No se cambió nada: vuelva a elegir.'
              : `Mientras usted tenía abierta la página, ${holder?.fullName ?? ticket.assignee} (${ticket.assignee}) tomó este ticket. No se cambió nada; si aun así debe reasignarlo, elija de nuevo y pulse «Asignar».`,
        },
        status: 409,
      });
    }
    if (chosen === (ticket.assignee ?? '')) {
      return ctx.redirectWith(reply, `${consolePaths.tickets}/${ticket.number}`, {
        kind: 'ok',
        text:
          chosen === ''
            ? 'El ticket ya estaba sin asignar.'
            : `El ticket ya estaba asignado a ${agent?.fullName ?? chosen}.`,
      });
    }
    return move(reply, ctx, ticket, {
      // Checked again under the ticket's lock: a take between this read and the move is refused too.
      move: { action: 'assign', assignee: chosen === '' ? null : chosen, expectedAssignee: ticket.assignee },
      form: null,
      typed: {},
      done:
        agent === undefined
          ? 'El ticket quedó sin asignar.'
          : chosen === ctx.staff.username
            ? 'Usted tomó el ticket.'
            : `El ticket quedó asignado a ${agent.fullName}.`,
    });
  });

  action(
    `${ticketPath}/responder`,
    async (request, reply, ctx, form) => {
      const ticket = await load(request.params);
      if (ticket === null) return notFound(reply, 'No existe ese ticket.');
      const body: unknown = request.body;
      const chosen = isMultipartForm(body) ? (body.fileLists.adjuntos ?? []) : [];
      // A file input left empty still sends one part, with no name and no bytes.
      const uploads: AttachmentUpload[] = chosen
        .filter((f) => f.fileName !== '' || f.bytes.length > 0)
        .map((f) => ({ name: f.fileName, bytes: f.bytes }));
      const text = form.mensaje ?? '';
      return move(reply, ctx, ticket, {
        move: { action: 'agent-message', body: text, uploads },
        form: 'mensaje',
        typed: { mensaje: text },
        done: `Respuesta enviada: le llega por correo a ${ticket.email}.`,
      });
    },
    { multipart: true, bodyLimit: replyBodyLimit },
  );

  action(`${ticketPath}/nota`, async (request, reply, ctx, form) => {
    const ticket = await load(request.params);
    if (ticket === null) return notFound(reply, 'No existe ese ticket.');
    const text = form.nota ?? '';
    return move(reply, ctx, ticket, {
      move: { action: 'internal-note', body: text },
      form: 'nota',
      typed: { nota: text },
      done: 'Nota interna guardada. El ciudadano no la ve.',
    });
  });

  action(`${ticketPath}/solucion`, async (request, reply, ctx, form) => {
    const ticket = await load(request.params);
    if (ticket === null) return notFound(reply, 'No existe ese ticket.');
    const text = form.solucion ?? '';
    // The mailed link must name this server as the citizen reaches it; set once in the settings, or from this request.
    const context =
      tickets.publicBaseUrl === '' ? { ...tickets, publicBaseUrl: `${request.protocol}://${request.host}` } : tickets;
    return move(
      reply,
      ctx,
      ticket,
      {
        move: { action: 'propose-solution', body: text },
        form: 'solucion',
        typed: { solucion: text },
        done: `Solución propuesta: ${ticket.email} recibe un correo con el enlace para aceptarla o rechazarla.`,
      },
      context,
    );
  });
}

/** The state machine's refusals in an agent's words, with what happened to what they typed. */
function agentRefusal(state: TicketState, action: TicketAction): string {
  if (state === 'resuelto')
    return 'Este ticket ya está resuelto y cerrado (el ciudadano aceptó la solución): no admite respuestas, soluciones ni asignaciones. No se envió nada.';
  if (action === 'propose-solution' && state === 'solucion-propuesta')
    return 'Ya hay una solución propuesta en este ticket (otro agente pudo enviarla hace un momento): se espera la respuesta del ciudadano. Su solución no se envió.';
  return `${refusedTicketAction(state, action)} No se envió nada.`;
}
