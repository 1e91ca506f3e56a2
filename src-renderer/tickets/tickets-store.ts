import type {
  TicketCategoriesValue,
  TicketCreatedValue,
  TicketListValue,
  TicketPair,
  TicketStartValue,
} from '../../src-shared/server-api/tickets-api';
import { createSessionStore } from '../session/create-session-store';

/** «Crear ticket»: the form, the code window, the ticket's number. */
export type CreateStep = 'form' | 'code' | 'created';
/** «Ver mi lista de tickets»: the number and email, the list, one ticket, a message on it. */
export type FollowStep = 'lookup' | 'list' | 'detail' | 'message';

/** The form's text fields, as TicketFields names them. */
export type FormField = 'name' | 'email' | 'phone' | 'subject' | 'description';
export type FormValues = Readonly<Record<FormField, string>>;

/** A file the kiosk holds for the ticket or the message being written. */
export interface AttachedFile {
  readonly fileId: string;
  readonly name: string;
  readonly size: number;
  /** A small JPEG of a camera photo (a data: URL), to recognise it in the list; null for a file. */
  readonly preview: string | null;
}

/** Which list of files: the new ticket's, or the message's. */
export type FileList = 'create' | 'message';

interface TicketsData {
  /** The categories, the support line and the attachment limits, once asked. */
  setup: TicketCategoriesValue | null;
  createStep: CreateStep;
  form: FormValues;
  category: string | null;
  files: Readonly<Record<FileList, readonly AttachedFile[]>>;
  /** The draft waiting for its code, and when the code was last sent (ms). */
  draft: (TicketStartValue & { readonly sentAt: number }) | null;
  created: TicketCreatedValue | null;
  followStep: FollowStep;
  /** The ticket number and email that opened the list: sent again with every call, forgotten with the visit. */
  pair: TicketPair | null;
  list: TicketListValue | null;
  /** False once a ticket was opened from it: coming back, the list is asked again. */
  listFresh: boolean;
  /** The ticket open, by number. */
  ticket: string | null;
  messageBody: string;
  /** Said once on the ticket's screen after a message went. */
  messageSent: boolean;
}

interface TicketsActions {
  loaded(setup: TicketCategoriesValue): void;
  setField(field: FormField, value: string): void;
  setCategory(code: string): void;
  addFile(list: FileList, file: AttachedFile): void;
  removeFile(list: FileList, fileId: string): void;
  codeSent(draft: TicketStartValue): void;
  resent(): void;
  toCreateStep(step: CreateStep): void;
  ticketCreated(ticket: TicketCreatedValue): void;
  /** A new ticket, from an empty form (the files were let go with the last one). */
  newTicket(): void;
  listed(pair: TicketPair, list: TicketListValue): void;
  /** The list asked again (states and last changes move while the citizen reads). */
  relisted(list: TicketListValue): void;
  openTicket(number: string): void;
  toFollowStep(step: FollowStep): void;
  setMessageBody(body: string): void;
  messageDone(): void;
}

const emptyForm: FormValues = { name: '', email: '', phone: '', subject: '', description: '' };

const initial: TicketsData = {
  setup: null,
  createStep: 'form',
  form: emptyForm,
  category: null,
  files: { create: [], message: [] },
  draft: null,
  created: null,
  followStep: 'lookup',
  pair: null,
  list: null,
  listFresh: false,
  ticket: null,
  messageBody: '',
  messageSent: false,
};

/**
 * Support tickets of this kiosk visit: what the citizen typed, the files attached, the draft
 * waiting for its code, the ticket created, and the number and email that opened the list. A
 * session store: «Terminar» and the idle timeout forget all of it (and the kiosk's Node side
 * lets the files go).
 */
export const useTicketsStore = createSessionStore<TicketsData, TicketsActions>('tickets', initial, (set) => ({
  loaded: (setup) => set({ setup }),
  setField: (field, value) => set((state) => ({ form: { ...state.form, [field]: value } })),
  setCategory: (category) => set({ category }),
  addFile: (list, file) => set((state) => ({ files: { ...state.files, [list]: [...state.files[list], file] } })),
  removeFile: (list, fileId) =>
    set((state) => ({ files: { ...state.files, [list]: state.files[list].filter((f) => f.fileId !== fileId) } })),
  codeSent: (draft) => set({ draft: { ...draft, sentAt: Date.now() }, createStep: 'code' }),
  resent: () => set((state) => (state.draft === null ? {} : { draft: { ...state.draft, sentAt: Date.now() } })),
  toCreateStep: (createStep) => set({ createStep }),
  ticketCreated: (ticket) =>
    set((state) => ({ created: ticket, draft: null, createStep: 'created', files: { ...state.files, create: [] } })),
  newTicket: () =>
    set((state) => ({
      createStep: 'form',
      form: { ...emptyForm, name: state.form.name, email: state.form.email, phone: state.form.phone },
      category: null,
      created: null,
      draft: null,
    })),
  listed: (pair, list) => set({ pair, list, listFresh: true, followStep: 'list' }),
  relisted: (list) => set({ list, listFresh: true }),
  openTicket: (ticket) => set({ ticket, listFresh: false, followStep: 'detail', messageSent: false }),
  toFollowStep: (followStep) => set({ followStep }),
  setMessageBody: (messageBody) => set({ messageBody }),
  messageDone: () =>
    set((state) => ({
      messageBody: '',
      messageSent: true,
      followStep: 'detail',
      files: { ...state.files, message: [] },
    })),
}));
