import { assertNever } from '../../src-shared/api/result';
import { CodeStep } from './CodeStep';
import { CreatedStep } from './CreatedStep';
import { CreateFormStep } from './CreateFormStep';
import { SetupPending } from './SetupPending';
import { useTicketsStore } from './tickets-store';
import { useTicketsSetup } from './useTicketsSetup';
import '../accounts/account.css';
import '../wallet/wallet.css';
import './tickets.css';

/** «Crear ticket de soporte» (guide 002): the form, the code window, the ticket's number. */
export function CreateTicketScreen() {
  const step = useTicketsStore((state) => state.createStep);
  const ready = useTicketsStore((state) => state.setup !== null);
  const problem = useTicketsSetup();
  if (!ready) return <SetupPending title="Crear ticket" problem={problem} />;
  switch (step) {
    case 'form':
      return <CreateFormStep />;
    case 'code':
      return <CodeStep />;
    case 'created':
      return <CreatedStep />;
    default:
      return assertNever(step);
  }
}
