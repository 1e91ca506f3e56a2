/**
 * The least both PGlite and node-postgres offer: a parameterised query. Bulk loaders and
 * migrations are written against this so they run unchanged on either database.
 */
export interface SqlExecutor {
  query<R extends Record<string, unknown> = Record<string, unknown>>(
    text: string,
    params?: unknown[],
  ): Promise<{ rows: R[] }>;
}
