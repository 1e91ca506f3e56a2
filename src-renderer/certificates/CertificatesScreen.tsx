import { assertNever } from '../../src-shared/api/result';
import { CertificateStep } from './CertificateStep';
import { CopiesStep } from './CopiesStep';
import { DeliveryStep } from './DeliveryStep';
import { PayStep } from './PayStep';
import { RedispenseStep } from './RedispenseStep';
import { SearchStep } from './SearchStep';
import { useCertificatesStore } from './certificates-store';
import '../accounts/account.css';
import '../wallet/wallet.css';
import './certificates.css';

/**
 * «Certificados» (issue 14): search the registry, choose, preview, pay with the prepaid wallet,
 * take the copies; or give a copy the dispenser left unconfirmed again, by its code.
 */
export function CertificatesScreen() {
  const step = useCertificatesStore((state) => state.step);
  switch (step) {
    case 'search':
      return <SearchStep />;
    case 'certificate':
      return <CertificateStep />;
    case 'copies':
      return <CopiesStep />;
    case 'pay':
      return <PayStep />;
    case 'delivery':
      return <DeliveryStep />;
    case 'redispense':
      return <RedispenseStep />;
    default:
      return assertNever(step);
  }
}
