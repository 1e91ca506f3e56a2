import { z } from 'zod';
import { defineOperation, staffModes, openToAll } from '../operation';

export const staffRoles = ['cajero', 'supervisor', 'soporte', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** A short-lived proof that a staff member typed their credentials on this device. */
export const StaffGrant = z.object({
  grantId: z.string(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(staffRoles),
  expiresAt: z.string(),
});

export const staffOps = {
  'staff.authorize': defineOperation({
    summary:
      'Check a staff member’s username and password against the accounts replicated on this device ' +
      '(works offline). Gives a grant valid for five minutes; `wrong-credentials` for a wrong ' +
      'username or password, the same whether or not the user exists; `locked` after five failures.',
    reach: 'local',
    modes: staffModes,
    auth: openToAll,
    input: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }).strict(),
    output: StaffGrant,
  }),
};
