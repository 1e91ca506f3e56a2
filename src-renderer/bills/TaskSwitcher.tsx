import { Icon } from '../ui/Icon';
import type { IconName } from '../ui/icons';
import { billsTasks, taskTitle, type BillsTask } from './bills-tasks';
import { useBillsTaskNavigation } from './task-navigation';
import './task-switcher.css';

const taskIcon: Record<BillsTask, IconName> = { current: 'bill', payments: 'history', previous: 'previous' };

/**
 * Once the code is validated, the three functions of the guide are one touch apart: the
 * access holds for the visit, so no second round of questions.
 */
export function TaskSwitcher({ task }: { readonly task: BillsTask }) {
  const open = useBillsTaskNavigation();
  return (
    <nav className="task-switcher" aria-label="Consultas de este código interno">
      {billsTasks.map((item) => (
        <button
          key={item}
          type="button"
          className="task-switcher__option"
          aria-current={item === task ? 'page' : undefined}
          onClick={() => open(item)}
        >
          <Icon name={taskIcon[item]} className="task-switcher__icon" />
          {taskTitle[item]}
        </button>
      ))}
    </nav>
  );
}
