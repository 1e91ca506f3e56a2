/**
 * Who may do what in the staff console. Every active staff member may read the money pages (a
 * cashier answers a citizen at the counter about a recharge; support answers by phone); only a
 * supervisor or an admin moves money or changes a record: annulling a liquidación, resolving a
 * review, importing a bank file. `admin` is there because it stands above the supervisor in the
 * entity (it makes staff accounts and enrolls devices); nothing a supervisor may do is kept from it.
 *
 * Support tickets are the other way round: they hold citizens' own words, phones and files, so
 * only the people who work them see them — `soporte`, and the supervisor and admin who stand
 * above the agents (they cover a queue that piles up and answer for it). A cashier sees none.
 */
export const staffRoles = ['cajero', 'supervisor', 'soporte', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const roleLabel: Record<StaffRole, string> = {
  cajero: 'Cajero',
  supervisor: 'Supervisor',
  soporte: 'Soporte',
  admin: 'Administrador',
};

export const mayAct = (role: StaffRole): boolean => role === 'supervisor' || role === 'admin';

export const isStaffRole = (value: string): value is StaffRole => (staffRoles as readonly string[]).includes(value);

export const refusedActionMessage =
  'Solo un supervisor o un administrador puede hacer esto. Pídale a un supervisor que lo haga con su usuario.';

/** Who sees and works support tickets in the console, and to whom a ticket may be assigned. */
export const ticketRoles: readonly StaffRole[] = ['soporte', 'supervisor', 'admin'];

export const mayWorkTickets = (role: StaffRole): boolean => ticketRoles.includes(role);

export const refusedTicketsMessage =
  'Los tickets de soporte son solo para el equipo de soporte, los supervisores y los administradores. Si necesita ver uno, pídaselo a soporte.';
