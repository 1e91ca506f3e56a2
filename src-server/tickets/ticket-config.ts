import { z } from 'zod';
import { defaultTicketCategories, TicketCategory } from '../../src-shared/tickets/ticket-categories';

/** Support tickets' settings (docs/tickets.md), from the environment. */
export interface TicketConfig {
  /** VENTANILLA_TICKET_CATEGORIES: a JSON list of { code, label, firstReplyHours }. */
  readonly categories: readonly TicketCategory[];
  /** VENTANILLA_SUPPORT_PHONE: the support line named in the code mail and on the screens. */
  readonly supportPhone: string;
  /** VENTANILLA_SUPPORT_EMAIL: where citizens' messages and reopened tickets are told; none when unset. */
  readonly supportEmail: string | null;
  /** Minutes an emailed code is good for. */
  readonly codeMinutes: number;
  /** Wrong codes before the draft is void. */
  readonly codeTries: number;
  /** Seconds between two sends of a code to the same draft, and sends at most. */
  readonly resendSeconds: number;
  readonly maxSends: number;
  /** Days the mailed link to a proposed solution works (VENTANILLA_TICKET_LINK_DAYS). */
  readonly linkDays: number;
}

export const defaultTicketConfig: TicketConfig = {
  categories: defaultTicketCategories,
  supportPhone: '300 000 0000',
  supportEmail: null,
  codeMinutes: 10,
  codeTries: 5,
  resendSeconds: 60,
  maxSends: 5,
  linkDays: 7,
};

const Categories = z
  .array(TicketCategory)
  .min(1)
  .max(50)
  .refine((list) => new Set(list.map((c) => c.code)).size === list.length, { error: 'codes repeat' });

export function loadTicketConfig(env: Record<string, string | undefined>): TicketConfig | { problem: string } {
  let categories = defaultTicketConfig.categories;
  const raw = env.VENTANILLA_TICKET_CATEGORIES?.trim();
  if (raw) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = null;
    }
    const checked = Categories.safeParse(parsed);
    if (!checked.success)
      return {
        problem:
          'VENTANILLA_TICKET_CATEGORIES debe ser una lista JSON de categorías { "code": "facturacion", "label": "Factura y cobros", "firstReplyHours": 48 } con códigos distintos.',
      };
    categories = checked.data;
  }
  const days = Number(env.VENTANILLA_TICKET_LINK_DAYS?.trim() || defaultTicketConfig.linkDays);
  if (!Number.isInteger(days) || days < 1 || days > 60)
    return { problem: 'VENTANILLA_TICKET_LINK_DAYS debe ser un número de días entre 1 y 60.' };
  const email = env.VENTANILLA_SUPPORT_EMAIL?.trim() || null;
  if (email !== null && !z.email().safeParse(email).success)
    return { problem: 'VENTANILLA_SUPPORT_EMAIL debe ser una dirección de correo.' };
  return {
    ...defaultTicketConfig,
    categories,
    supportPhone: env.VENTANILLA_SUPPORT_PHONE?.trim() || defaultTicketConfig.supportPhone,
    supportEmail: email,
    linkDays: days,
  };
}
