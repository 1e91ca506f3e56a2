/**
 * A código de ruta as a field device is assigned it (docs/field-routes.md): a ciclo (`03`) or
 * one route of a ciclo (`03-117`). A subscriber's own código de ruta adds its place on the
 * route (`03-117-0452`) and lies within `03` and `03-117`, never within `03-11`.
 */
export const routeCodePattern = /^\d{2}(-\d{3})?$/;

export function isRouteCode(value: string): boolean {
  return routeCodePattern.test(value);
}

/** Whether a subscriber's código de ruta lies within one of the assigned route codes. */
export function withinRoutes(codigoRuta: string, routes: readonly string[]): boolean {
  return routes.some((route) => codigoRuta === route || codigoRuta.startsWith(`${route}-`));
}

export const routeCodeMessage = (value: string): string =>
  `«${value}» no es un código de ruta: escriba el ciclo (por ejemplo 03) o el ciclo y la ruta (por ejemplo 03-117).`;
