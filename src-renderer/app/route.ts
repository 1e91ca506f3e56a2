import type { FeatureId } from '../kiosk-home/feature-catalogue';

/**
 * The screens of the kiosk. A small state-based router: a kiosk has no address bar and must
 * not restore a previous citizen's screen on reload, so the route lives in memory only.
 */
export type Route =
  | { readonly screen: 'home' }
  | { readonly screen: 'feature'; readonly feature: FeatureId }
  | { readonly screen: 'staff' }
  | { readonly screen: 'parked-events' }
  | { readonly screen: 'touch-test' };

export const homeRoute: Route = { screen: 'home' };

/** A stable string per screen, for keys and tests. */
export const routeKey = (route: Route): string =>
  route.screen === 'feature' ? `feature:${route.feature}` : route.screen;
