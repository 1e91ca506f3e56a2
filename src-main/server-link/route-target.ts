import { fillPath, pathParamNames, type ServerRoute } from '../../src-shared/server-api/route';

/** Where a call goes and what it sends: the path with its query string, and the JSON body (none for GET and uploads). */
export interface RouteTarget {
  readonly path: string;
  readonly body: string | null;
}

/**
 * Builds a call of a route of the map (src-shared/server-api/routes.ts) from its input: path
 * parameters are written into the path, URL-encoded; the rest is the query string of a GET
 * (fields left undefined are not sent, so the server's defaults apply) or the JSON body of a
 * POST or PUT. The input is not parsed here: the server parses it, with the Spanish messages
 * the device shows as they come.
 */
export function routeTarget(route: ServerRoute, input: Readonly<Record<string, unknown>>): RouteTarget {
  const params = new Set(pathParamNames(route.path));
  const path = fillPath(route.path, (name) => encodeURIComponent(String(input[name])));
  const rest = Object.fromEntries(
    Object.entries(input).filter(([name, value]) => !params.has(name) && value !== undefined),
  );
  // An upload's body is the file itself (the caller's bytes): its fields travel in the query, like a GET's.
  if (route.method !== 'GET' && route.upload === undefined) return { path, body: JSON.stringify(rest) };
  const query = new URLSearchParams(
    Object.entries(rest).map(([name, value]): [string, string] => [name, String(value)]),
  ).toString();
  return { path: query === '' ? path : `${path}?${query}`, body: null };
}
