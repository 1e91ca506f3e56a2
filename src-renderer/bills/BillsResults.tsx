import { assertNever } from '../../src-shared/api/result';
import { BillsFrame } from './BillsFrame';
import type { BillsAccess } from './bills-store';
import { useBillsStore } from './bills-store';
import { taskTitle, type BillsTask } from './bills-tasks';
import { CurrentBillPanel } from './CurrentBillPanel';
import { PaymentHistoryPanel } from './PaymentHistoryPanel';
import { PreviousBillsPanel } from './PreviousBillsPanel';
import { StepBackButton } from './StepBackButton';
import { SubscriberCard } from './SubscriberCard';
import { TaskSwitcher } from './TaskSwitcher';

function TaskPanel({ task, accessId }: { readonly task: BillsTask; readonly accessId: string }) {
  switch (task) {
    case 'current':
      return <CurrentBillPanel accessId={accessId} />;
    case 'payments':
      return <PaymentHistoryPanel accessId={accessId} />;
    case 'previous':
      return <PreviousBillsPanel accessId={accessId} />;
    default:
      return assertNever(task);
  }
}

/** After the questions: whose account it is, the three functions, and the chosen one's view. */
export function BillsResults({ task, access }: { readonly task: BillsTask; readonly access: BillsAccess }) {
  const startOver = useBillsStore((state) => state.startOver);
  return (
    <BillsFrame
      eyebrow={`Código interno ${access.subscriber.codigoInterno}`}
      title={taskTitle[task]}
      back={<StepBackButton label="Otro código" onPress={startOver} />}
    >
      <SubscriberCard subscriber={access.subscriber} />
      <TaskSwitcher task={task} />
      <TaskPanel task={task} accessId={access.accessId} />
    </BillsFrame>
  );
}
