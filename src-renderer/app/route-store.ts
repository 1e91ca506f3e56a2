import { createSessionStore } from '../session/create-session-store';
import { homeRoute, type Route } from './route';

interface RouteActions {
  navigate(route: Route): void;
}

/** Where the kiosk is. Part of the session: ending it always returns to the start screen. */
export const useRouteStore = createSessionStore<{ route: Route }, RouteActions>(
  'route',
  { route: homeRoute },
  (set) => ({
    navigate: (route) => set({ route }),
  }),
);

export const isAtHome = (): boolean => useRouteStore.getState().route.screen === 'home';
