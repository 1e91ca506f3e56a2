import { describe, expect, it } from 'vitest';
import { routesHeldAt, type RouteTrailEntry } from '../../../src-server/devices/device-routes';
import { isRouteCode, withinRoutes } from '../../../src-shared/domain/route-code';

/** The two rules of field routes (docs/field-routes.md): which codes are routes, and when a route was held. */
describe('route codes', () => {
  it('takes a ciclo or a ciclo and route, nothing else', () => {
    expect(['03', '03-117'].map(isRouteCode)).toEqual([true, true]);
    expect(['3', '03-11', '03-1170', '03-117-0452', '03 ', 'ab', ''].map(isRouteCode)).toEqual(Array(7).fill(false));
  });

  it('puts a subscriber within its ciclo and route, never within a route that only starts the same', () => {
    expect(withinRoutes('03-117-0452', ['03'])).toBe(true);
    expect(withinRoutes('03-117-0452', ['04', '03-117'])).toBe(true);
    expect(withinRoutes('03-117-0452', ['03-11'])).toBe(false);
    expect(withinRoutes('03-1170-0452', ['03-117'])).toBe(false);
    expect(withinRoutes('03-117-0452', [])).toBe(false);
  });
});

describe('routes held at a moment', () => {
  const at = (iso: string) => new Date(iso);
  const trail: RouteTrailEntry[] = [
    { routeCode: '03-117', action: 'assign', at: at('2026-12-01T08:00:00Z') },
    { routeCode: '03-118', action: 'assign', at: at('2026-12-02T08:00:00Z') },
    { routeCode: '03-117', action: 'unassign', at: at('2026-12-03T08:00:00Z') },
    { routeCode: '03-117', action: 'assign', at: at('2026-12-05T08:00:00Z') },
  ];

  it('follows assignments and unassignments in order', () => {
    expect(routesHeldAt(trail, at('2026-11-30T08:00:00Z'))).toEqual([]);
    expect(routesHeldAt(trail, at('2026-12-01T08:00:00Z'))).toEqual(['03-117']);
    expect(routesHeldAt(trail, at('2026-12-02T09:00:00Z')).sort()).toEqual(['03-117', '03-118']);
    expect(routesHeldAt(trail, at('2026-12-04T09:00:00Z'))).toEqual(['03-118']);
    expect(routesHeldAt(trail, at('2026-12-06T09:00:00Z')).sort()).toEqual(['03-117', '03-118']);
  });
});
