import { err, type Result } from '../../src-shared/api/result';
import type { Approver, StaffAuthorizer } from '../staff/staff-authorizer';
import { cashierMessages } from './cashier-messages';

/**
 * A supervisor's user and password typed at the counter for a void or a close beyond the
 * tolerance (never a PIN). A cajero's credentials are refused with words that say whose are
 * needed; a wrong password stays `wrong-credentials`.
 */
export async function supervisorApproval(
  authorizer: StaffAuthorizer,
  credentials: { readonly username: string; readonly password: string },
  purpose: keyof typeof cashierMessages.supervisorOnly,
): Promise<Result<Approver>> {
  const approver = await authorizer.approve(credentials.username, credentials.password);
  if (!approver.ok && approver.error.code === 'forbidden')
    return err('forbidden', cashierMessages.supervisorOnly[purpose]);
  return approver;
}
