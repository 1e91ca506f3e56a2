import { assertNever } from '../../src-shared/api/result';
import { NewClaveScreen } from './NewClaveScreen';
import { RechargeFlow } from './RechargeFlow';
import { RecoverScreen } from './RecoverScreen';
import { StatementScreen } from './StatementScreen';
import { useWalletStore } from './wallet-store';
import { WalletMenu } from './WalletMenu';
import '../accounts/account.css';
import '../bills/print-status.css';
import './wallet.css';

/** «Prepago de servicios» (guide 001 §7–11) and everything behind its menu. */
export function WalletScreen() {
  const view = useWalletStore((state) => state.view);
  switch (view) {
    case 'menu':
      return <WalletMenu />;
    case 'recharge':
      return <RechargeFlow />;
    case 'recover':
      return <RecoverScreen />;
    case 'statement':
      return <StatementScreen />;
    case 'new-clave':
      return <NewClaveScreen />;
    default:
      return assertNever(view);
  }
}
