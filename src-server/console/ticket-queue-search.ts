import { ticketStates, workingStates, type TicketState } from '../../src-shared/tickets/ticket-states';
import { readCursor, type AssigneeFilter, type QueueCursor, type QueueOrder } from './ticket-queue-queries';

/**
 * The queue's filters as the address carries them (`/consola/tickets?estado=…&asignado=mios`), so
 * a filtered queue can be bookmarked, reloaded and sent back to: every value is read strictly and
 * anything unknown falls back to the default rather than failing the page.
 */
export interface QueueSearch {
  /** `por-atender` (abierto, en atención, reabierto: the default), `todos`, or one state. */
  readonly state: string;
  readonly category: string;
  /** `''`, `1`, `3` or `7` days. */
  readonly age: string;
  /** `''` (anyone), `sin` (nobody), `mios`, or `u:<username>`. */
  readonly assignee: string;
  readonly email: string;
  readonly overdueOnly: boolean;
  readonly order: QueueOrder;
  readonly after: QueueCursor | null;
}

export const ageChoices = [
  { value: '1', label: 'Más de 1 día' },
  { value: '3', label: 'Más de 3 días' },
  { value: '7', label: 'Más de 7 días' },
] as const;

export function readQueueSearch(query: unknown, categories: readonly string[]): QueueSearch {
  const q = (typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>;
  const text = (name: string, max: number): string =>
    typeof q[name] === 'string' ? (q[name] as string).trim().slice(0, max) : '';
  const state = text('estado', 24);
  const category = text('categoria', 40);
  const age = text('antiguedad', 2);
  const assignee = text('asignado', 80);
  const email = text('correo', 254).toLowerCase();
  return {
    state: state === 'todos' || (ticketStates as readonly string[]).includes(state) ? state : 'por-atender',
    category: categories.includes(category) ? category : '',
    age: ageChoices.some((a) => a.value === age) ? age : '',
    assignee: assignee === 'sin' || assignee === 'mios' || /^u:[^\s]{1,64}$/.test(assignee) ? assignee : '',
    email: email.includes('@') ? email : '',
    overdueOnly: text('vencidos', 1) === '1',
    order: text('orden', 12) === 'vencimiento' ? 'due' : 'recent',
    after: readCursor(text('desde', 120)),
  };
}

export function statesOf(search: QueueSearch): readonly TicketState[] {
  if (search.state === 'todos') return ticketStates;
  if (search.state === 'por-atender') return workingStates;
  return [search.state as TicketState];
}

export function assigneeOf(search: QueueSearch, me: string): AssigneeFilter {
  if (search.assignee === 'sin') return { kind: 'none' };
  if (search.assignee === 'mios') return { kind: 'user', username: me };
  if (search.assignee.startsWith('u:')) return { kind: 'user', username: search.assignee.slice(2) };
  return { kind: 'any' };
}

/** The address of the queue with these filters (and a page's cursor); defaults are left out. */
export function queueHref(base: string, search: QueueSearch, after: string | null = null): string {
  const params = new URLSearchParams();
  if (search.state !== 'por-atender') params.set('estado', search.state);
  if (search.category !== '') params.set('categoria', search.category);
  if (search.age !== '') params.set('antiguedad', search.age);
  if (search.assignee !== '') params.set('asignado', search.assignee);
  if (search.email !== '') params.set('correo', search.email);
  if (search.overdueOnly) params.set('vencidos', '1');
  if (search.order === 'due') params.set('orden', 'vencimiento');
  if (after !== null) params.set('desde', after);
  const text = params.toString();
  return text === '' ? base : `${base}?${text}`;
}
