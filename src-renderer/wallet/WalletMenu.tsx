import { Icon } from '../ui/Icon';
import type { IconName } from '../ui/icons';
import { useWalletStore, type WalletView } from './wallet-store';
import { WalletFrame } from './WalletFrame';

interface MenuEntry {
  readonly view: Exclude<WalletView, 'menu'>;
  readonly label: string;
  readonly description: string;
  readonly icon: IconName;
}

const entries: readonly MenuEntry[] = [
  {
    view: 'recharge',
    label: 'Recargar prepago',
    description: 'Genere una liquidación y páguela en línea, en el banco o en nuestras oficinas.',
    icon: 'wallet',
  },
  {
    view: 'recover',
    label: 'Recuperar transacción',
    description: 'Retome una liquidación con su identificación y el código de recuperación.',
    icon: 'history',
  },
  {
    view: 'statement',
    label: 'Consultar saldo y movimientos',
    description: 'Con su identificación y la clave que le llegó al correo.',
    icon: 'bill',
  },
  {
    view: 'new-clave',
    label: 'Solicitar clave nueva',
    description: 'Le enviamos una clave nueva al correo registrado en su prepago.',
    icon: 'lock',
  },
];

/**
 * «Prepago de servicios» (guide 001 §7): what prepaying is, in the guide's words, and the four
 * things the kiosk does with it, as big buttons.
 */
export function WalletMenu() {
  const open = useWalletStore((state) => state.open);
  const notice = useWalletStore((state) => state.notice);
  return (
    <WalletFrame title="Prepago de servicios" back={null}>
      {notice !== null && (
        <p className="account-done" role="status">
          {notice}
        </p>
      )}
      <p className="wallet-intro">
        Pague por anticipado los servicios que desea adquirir con nosotros, como certificados, y úselos cuando los
        necesite. El valor prepagado no tiene vencimiento.
      </p>
      <nav className="wallet-menu" aria-label="Opciones del prepago">
        {entries.map((entry) => (
          <MenuButton key={entry.view} entry={entry} onPress={() => open(entry.view)} />
        ))}
      </nav>
    </WalletFrame>
  );
}

/** One entry: its name is all it says, the label first (what the citizen reads and says). */
function MenuButton({ entry, onPress }: { readonly entry: MenuEntry; readonly onPress: () => void }) {
  return (
    <button type="button" className="wallet-menu__entry" onClick={onPress}>
      <Icon name={entry.icon} className="wallet-menu__icon" />
      <span className="wallet-menu__words">
        <span className="wallet-menu__label">{entry.label}</span>
        <span className="wallet-menu__description">{entry.description}</span>
      </span>
    </button>
  );
}
