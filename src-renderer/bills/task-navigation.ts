import { createContext, useContext } from 'react';
import { useRouteStore } from '../app/route-store';
import { taskFeature, type BillsTask } from './bills-tasks';

/**
 * Where the three bill functions' switcher goes. At the start screen's tiles it opens the
 * function's own route; inside a logged-in account the account provides its own, so the
 * citizen stays in their account's menu.
 */
export const BillsTaskNavigation = createContext<((task: BillsTask) => void) | null>(null);

export function useBillsTaskNavigation(): (task: BillsTask) => void {
  const custom = useContext(BillsTaskNavigation);
  const navigate = useRouteStore((state) => state.navigate);
  return custom ?? ((task) => navigate({ screen: 'feature', feature: taskFeature[task] }));
}
