import { assertNever } from '../../src-shared/api/result';
import { DetailStep } from './DetailStep';
import { ListStep } from './ListStep';
import { LookupStep } from './LookupStep';
import { MessageStep } from './MessageStep';
import { SetupPending } from './SetupPending';
import { useTicketsStore } from './tickets-store';
import { useTicketsSetup } from './useTicketsSetup';
import '../accounts/account.css';
import '../wallet/wallet.css';
import './tickets.css';

/**
 * «Ver mi lista de tickets» (guide 002): a ticket number and the email, the list, one ticket,
 * and a message on it. The number and email stay in this visit's store only.
 */
export function TicketListScreen() {
  const step = useTicketsStore((state) => state.followStep);
  const ready = useTicketsStore((state) => state.setup !== null);
  const problem = useTicketsSetup();
  switch (step) {
    case 'lookup':
      return <LookupStep />;
    case 'list':
      return <ListStep />;
    case 'detail':
      return <DetailStep />;
    case 'message':
      return ready ? <MessageStep /> : <SetupPending title="Agregar o enviar un mensaje" problem={problem} />;
    default:
      return assertNever(step);
  }
}
