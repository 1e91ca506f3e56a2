/**
 * The least both PGlite and node-postgres offer: a parameterised query. Bulk loaders and
 * migrations are written against this so they run unchanged on either database.
 */
export interface SqlExecutor {
  query<R extends Record<string, unknown> = Record<string, unknown>>(
    text: string,
    params?: unknown[],
    options?: QueryOptions,
  ): Promise<{ rows: R[] }>;
}

export interface QueryOptions {
  /**
   * For statements on every request only: node-postgres prepares the statement under this name
   * once per connection and then sends only its parameters, so PostgreSQL parses and plans it
   * once (about half the database's CPU of a short statement, measured for issue 18). One name,
   * one text, for the life of the process. PGlite ignores it.
   */
  readonly prepareAs?: string;
}
