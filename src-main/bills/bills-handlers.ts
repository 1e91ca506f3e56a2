import type { Handlers } from '../api/handler';
import type { PhoneLinks } from '../documents/phone-links';
import type { BillAccess } from './bill-access';
import type { BillsService } from './bills-service';

/** The bills operations: the questions open a visit's access; the rest serve the código interno it unlocked (`kiosk-visit` auth). */
export function billsHandlers(
  access: BillAccess,
  bills: BillsService,
  phoneLinks: PhoneLinks,
): Pick<Handlers, `bills.${string}` & keyof Handlers> {
  return {
    'bills.startValidation': (input) => Promise.resolve(access.startValidation(input)),
    'bills.answerValidation': (input) => Promise.resolve(access.answerValidation(input)),
    'bills.current': (_input, visit) => bills.current(visit),
    'bills.payments': (_input, visit) => bills.payments(visit),
    'bills.previous': (_input, visit) => bills.previous(visit),
    'bills.pdf': (input, visit) => bills.pdf(visit, input),
    'bills.print': (input, visit) => bills.print(visit, input),
    'bills.sendToPhone': async (input, visit) => {
      const pdf = await bills.pdf(visit, input);
      return pdf.ok ? phoneLinks.send(pdf.value) : pdf;
    },
  };
}
