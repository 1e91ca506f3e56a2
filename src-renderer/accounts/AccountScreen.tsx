import { assertNever } from '../../src-shared/api/result';
import { AccountBills } from './AccountBills';
import { AccountMenu } from './AccountMenu';
import { useAccountStore } from './account-store';
import { ChangePasswordPanel } from './ChangePasswordPanel';
import { LoginPanel } from './LoginPanel';
import { ProfilePanel } from './ProfilePanel';
import { RecoverPanel } from './RecoverPanel';
import './account.css';

/** «Ingresar» and everything behind it (guide 000 §2–3, 7–8). */
export function AccountScreen() {
  const session = useAccountStore((state) => state.session);
  const forced = useAccountStore((state) => state.mustChangePassword);
  const view = useAccountStore((state) => state.view);
  if (session === null) return view === 'recover' ? <RecoverPanel /> : <LoginPanel />;
  // A password the system sent opens nothing else until it is changed.
  if (forced) return <ChangePasswordPanel />;
  switch (view) {
    case 'login':
    case 'recover':
    case 'menu':
      return <AccountMenu />;
    case 'bills':
      return <AccountBills />;
    case 'password':
      return <ChangePasswordPanel />;
    case 'profile':
      return <ProfilePanel />;
    default:
      return assertNever(view);
  }
}
