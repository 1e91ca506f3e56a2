/**
 * Who may do what in the staff console. Every active staff member may read (a cashier answers a
 * citizen at the counter about a recharge; support answers by phone); only a supervisor or an
 * admin moves money or changes a record: annulling a liquidación, resolving a review, importing
 * a bank file. `admin` is there because it stands above the supervisor in the entity (it makes
 * staff accounts and enrolls devices); nothing a supervisor may do is kept from it.
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
