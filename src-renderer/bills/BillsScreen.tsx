import { assertNever } from '../../src-shared/api/result';
import { AnswersRejectedStep } from './AnswersRejectedStep';
import { BillsResults } from './BillsResults';
import { useBillsStore } from './bills-store';
import type { BillsTask } from './bills-tasks';
import { CodeEntryStep } from './CodeEntryStep';
import { CodeLockedStep } from './CodeLockedStep';
import { QuestionStep } from './QuestionStep';

/**
 * One bill function (its tile on the start screen opens it): the código interno and the
 * questions first, unless the visit has already answered them; then the function's view.
 */
export function BillsScreen({ task }: { readonly task: BillsTask }) {
  const access = useBillsStore((state) => state.access);
  const step = useBillsStore((state) => state.step);
  if (access !== null) return <BillsResults task={task} access={access} />;
  switch (step) {
    case 'code':
      return <CodeEntryStep task={task} />;
    case 'questions':
      return <QuestionStep task={task} />;
    case 'rejected':
      return <AnswersRejectedStep task={task} />;
    case 'locked':
      return <CodeLockedStep task={task} />;
    default:
      return assertNever(step);
  }
}
