/**
 * What PostgreSQL (and PGlite, which is PostgreSQL) says about a failed statement: its SQLSTATE
 * and, for a constraint, the constraint's name. Both drivers put them on the error object.
 */
export interface SqlErrorFacts {
  readonly code: string;
  readonly constraint: string | null;
}

export function sqlErrorFacts(error: unknown): SqlErrorFacts {
  if (typeof error !== 'object' || error === null) return { code: '', constraint: null };
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return { code: typeof code === 'string' ? code : '', constraint: typeof constraint === 'string' ? constraint : null };
}
