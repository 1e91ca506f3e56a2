/**
 * A support ticket's life (docs/tickets.md), one machine for the server and every screen:
 *
 *   abierto ──(agent assigns or answers)──▶ en-atencion ──(agent proposes)──▶ solucion-propuesta
 *      │                                        ▲                                   │      │
 *      └────────────(agent proposes)────────────┼───────────────────────────────────┘      │
 *                                               │  citizen rejects, with a reason           │
 *                                           reabierto ◀─────────────────────────────────────┤
 *                                                                 citizen accepts and rates ▼
 *                                                                                    resuelto
 *
 * `resuelto` is final: nothing moves it, and no message is added to it (a new ticket is).
 */
export const ticketStates = ['abierto', 'en-atencion', 'solucion-propuesta', 'reabierto', 'resuelto'] as const;
export type TicketState = (typeof ticketStates)[number];

/** The words citizens and agents read. */
export const ticketStateLabels: Record<TicketState, string> = {
  abierto: 'Abierto',
  'en-atencion': 'En atención',
  'solucion-propuesta': 'Solución propuesta',
  reabierto: 'Reabierto',
  resuelto: 'Resuelto',
};

/** What someone does to a ticket; each is one event in its history. */
export const ticketActions = [
  'assign',
  'agent-message',
  'internal-note',
  'citizen-message',
  'propose-solution',
  'accept-solution',
  'reject-solution',
] as const;
export type TicketAction = (typeof ticketActions)[number];

/** Who may do each action: a citizen (through the kiosk or the ticket's page) or an agent. */
export const actionActor: Record<TicketAction, 'citizen' | 'agent'> = {
  assign: 'agent',
  'agent-message': 'agent',
  'internal-note': 'agent',
  'citizen-message': 'citizen',
  'propose-solution': 'agent',
  'accept-solution': 'citizen',
  'reject-solution': 'citizen',
};

const open: readonly TicketState[] = ['abierto', 'en-atencion', 'reabierto'];

/** From which states each action may start, and where it leaves the ticket (`same`: unchanged). */
const transitions: Record<TicketAction, { readonly from: readonly TicketState[]; readonly to: TicketState | 'same' }> =
  {
    assign: { from: [...open, 'solucion-propuesta'], to: 'same' },
    // An agent's answer puts a new or reopened ticket in attention; with a solution on the table it waits on.
    'agent-message': { from: [...open, 'solucion-propuesta'], to: 'same' },
    'internal-note': { from: ticketStates, to: 'same' },
    'citizen-message': { from: [...open, 'solucion-propuesta'], to: 'same' },
    'propose-solution': { from: open, to: 'solucion-propuesta' },
    'accept-solution': { from: ['solucion-propuesta'], to: 'resuelto' },
    'reject-solution': { from: ['solucion-propuesta'], to: 'reabierto' },
  };

/** The state after `action`, or null when the machine refuses it from `state`. */
export function nextTicketState(state: TicketState, action: TicketAction): TicketState | null {
  const rule = transitions[action];
  if (!rule.from.includes(state)) return null;
  if (rule.to !== 'same') return rule.to;
  // Assigning or answering a new or reopened ticket means someone is on it.
  if ((action === 'assign' || action === 'agent-message') && (state === 'abierto' || state === 'reabierto'))
    return 'en-atencion';
  return state;
}

/** Why an action is refused, in words for whoever tried it. */
export function refusedTicketAction(state: TicketState, action: TicketAction): string {
  if (state === 'resuelto')
    return 'Este ticket ya está resuelto y cerrado. Si necesita algo más, cree un ticket nuevo.';
  if (action === 'accept-solution' || action === 'reject-solution')
    return 'Este ticket no tiene una solución propuesta para aceptar o rechazar.';
  if (action === 'propose-solution') return 'Ya hay una solución propuesta: espere la respuesta del ciudadano.';
  return `No se puede hacer eso con un ticket en estado «${ticketStateLabels[state]}».`;
}

/** States a ticket counts as still to be worked (queue, SLA). */
export const workingStates: readonly TicketState[] = open;
