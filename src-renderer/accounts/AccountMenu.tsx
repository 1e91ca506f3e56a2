import { taskTitle } from '../bills/bills-tasks';
import { BillsFrame } from '../bills/BillsFrame';
import { useApiClient } from '../api/useApiClient';
import { Icon } from '../ui/Icon';
import type { IconName } from '../ui/icons';
import { useAccountStore, type AccountBillsTask, type AccountView } from './account-store';

interface MenuEntry {
  readonly label: string;
  readonly icon: IconName;
  readonly open: () => void;
}

/**
 * The logged-in menu of the guide (section 3: "en el panel izquierdo se despliegan las
 * opciones"), as big tiles: the three bill functions with the citizen's own códigos internos,
 * the password, the profile, and «Cerrar sesión».
 */
export function AccountMenu() {
  const fullName = useAccountStore((state) => state.fullName);
  const notice = useAccountStore((state) => state.notice);
  const session = useAccountStore((state) => state.session);
  const show = useAccountStore((state) => state.show);
  const openBills = useAccountStore((state) => state.openBills);
  const loggedOut = useAccountStore((state) => state.loggedOut);
  const client = useApiClient();

  const bills = (task: AccountBillsTask, icon: IconName): MenuEntry => ({
    label: taskTitle[task],
    icon,
    open: () => openBills(task),
  });
  const view = (label: string, target: AccountView, icon: IconName): MenuEntry => ({
    label,
    icon,
    open: () => show(target),
  });
  const entries: MenuEntry[] = [
    bills('current', 'bill'),
    bills('payments', 'history'),
    bills('previous', 'previous'),
    view('Cambio de contraseña', 'password', 'lock'),
    view('Modificar usuario', 'profile', 'register'),
    {
      label: 'Cerrar sesión',
      icon: 'login',
      open: () => {
        if (session !== null) void client.call('accounts.logout', { session });
        loggedOut();
        show('login', 'Cerró su sesión. Gracias por usar los trámites en línea.');
      },
    },
  ];
  return (
    <BillsFrame eyebrow="Mi cuenta" title={`Bienvenido(a), ${fullName ?? ''}`}>
      {notice !== null && (
        <p className="account-done" role="status">
          {notice}
        </p>
      )}
      <nav className="account-menu" aria-label="Opciones de mi cuenta">
        {entries.map((entry) => (
          <button key={entry.label} type="button" className="account-menu__entry" onClick={entry.open}>
            <Icon name={entry.icon} className="account-menu__icon" />
            {entry.label}
          </button>
        ))}
      </nav>
    </BillsFrame>
  );
}
