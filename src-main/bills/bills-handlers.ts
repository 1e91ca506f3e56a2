import type { Handlers } from '../api/handler';
import type { BillAccess } from './bill-access';
import type { BillsService } from './bills-service';

/** The bills operations: the questions open a visit's access; the rest serve the código interno it unlocked (`kiosk-visit` auth). */
export function billsHandlers(access: BillAccess, bills: BillsService): Pick<Handlers, `bills.${string}` & keyof Handlers> {
  return {
    'bills.startValidation': (input) => Promise.resolve(access.startValidation(input)),
    'bills.answerValidation': (input) => Promise.resolve(access.answerValidation(input)),
    'bills.current': (_input, visit) => bills.current(visit),
    'bills.payments': (_input, visit) => bills.payments(visit),
    'bills.previous': (_input, visit) => bills.previous(visit),
    'bills.pdf': (input, visit) => bills.pdf(visit, input),
    'bills.print': (input, visit) => bills.print(visit, input),
  };
}
