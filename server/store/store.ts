/** Anything SQL can be sent to: the store itself or an open transaction. */
export interface Queryable {
  /** Runs one parameterized statement ($1, $2 …) and returns its rows. */
  query: <Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]) => Promise<Row[]>
  /** Runs a script of several statements without parameters (migrations). */
  exec: (sql: string) => Promise<void>
}

/**
 * The server's whole view of the database: two adapters (PGlite embedded,
 * PostgreSQL via `postgres`) run the same SQL behind it.
 */
export interface Store extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  /** The real path of a PGlite data directory on disk (where the server's control file goes). */
  readonly dataDir?: string
  /** Runs `fn` in one transaction; commits when it resolves, rolls back when it throws. */
  transaction: <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>
  close: () => Promise<void>
}
