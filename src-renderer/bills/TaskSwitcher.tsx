import { useRouteStore } from '../app/route-store';
import { Icon } from '../ui/Icon';
import type { IconName } from '../ui/icons';
import { billsTasks, taskFeature, taskTitle, type BillsTask } from './bills-tasks';
import './task-switcher.css';

const taskIcon: Record<BillsTask, IconName> = { current: 'bill', payments: 'history', previous: 'previous' };

/**
 * Once the code is validated, the three functions of the guide are one touch apart: the
 * access holds for the visit, so no second round of questions.
 */
export function TaskSwitcher({ task }: { readonly task: BillsTask }) {
  const navigate = useRouteStore((state) => state.navigate);
  return (
    <nav className="task-switcher" aria-label="Consultas de este código interno">
      {billsTasks.map((item) => (
        <button
          key={item}
          type="button"
          className="task-switcher__option"
          aria-current={item === task ? 'page' : undefined}
          onClick={() => navigate({ screen: 'feature', feature: taskFeature[item] })}
        >
          <Icon name={taskIcon[item]} className="task-switcher__icon" />
          {taskTitle[item]}
        </button>
      ))}
    </nav>
  );
}
