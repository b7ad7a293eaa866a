/**
 * A database failure as the rest of the server sees it. Driver errors carry the SQL parameters (postgres.js
 * `parameters`, PGlite `params`) and PostgreSQL's `detail` ("Failing row contains (… the note …)"); none of that
 * may reach a log. This keeps only a statement label, the SQLSTATE and a message without quoted values.
 */
export class StoreError extends Error {
  override readonly name = 'StoreError'

  constructor(
    /** The first words of the statement, e.g. `insert into checkins`. */
    readonly statement: string,
    /** The SQLSTATE (e.g. `23514`), when the database gave one. */
    readonly code: string | undefined,
    message: string,
    /** The violated constraint's name, an identifier from our own schema. */
    readonly constraint?: string,
  ) {
    super(message)
  }
}

// SQLSTATEs (23514) and driver codes (ECONNREFUSED, CONNECTION_CLOSED) say what failed without saying with what.
const CODE = /^[0-9A-Z_]{3,40}$/

/** A label for a statement that names what it touches but holds no literal: `insert into checkins`, `select from users`. */
export function statementLabel(sql: string): string {
  const text = sql.replace(/--[^\n]*/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase()
  const write = /^(insert into|update|delete from) ([\w.]+)/.exec(text)
  if (write)
    return `${write[1]} ${write[2]}`
  const read = /^select .*? from ([\w.]+)/.exec(text)
  if (read)
    return `select from ${read[1]}`
  // Anything else (begin, lock, a migration script): its first words, which are keywords and names.
  return text.split(' ').slice(0, 3).join(' ').replace(/[^\w .]/g, '').slice(0, 60)
}

/** A driver message without the values some messages quote (`invalid input syntax for type uuid: "…"`). */
export function safeMessage(message: string): string {
  return message.replace(/:\s*".*$/s, ': …').replace(/\s+/g, ' ').slice(0, 200)
}

/** Wraps whatever a driver threw for `sql` in a StoreError; our own errors thrown inside transactions pass through. */
export function toStoreError(error: unknown, sql: string): StoreError {
  if (error instanceof StoreError)
    return error
  const raw = (error ?? {}) as { code?: unknown, message?: unknown, constraint?: unknown, constraint_name?: unknown }
  const code = typeof raw.code === 'string' && CODE.test(raw.code) ? raw.code : undefined
  const constraint = [raw.constraint, raw.constraint_name].find((c): c is string => typeof c === 'string' && /^\w{1,63}$/.test(c))
  const message = typeof raw.message === 'string' ? safeMessage(raw.message) : 'database error'
  return new StoreError(statementLabel(sql), code, message, constraint)
}

/**
 * Runs a transaction through `begin` and turns failures of the transaction itself (BEGIN, COMMIT, a lost
 * connection) into StoreErrors; whatever `fn` threw (our own errors, or StoreErrors already) passes through as is.
 */
export async function guardedTransaction<Tx, T>(begin: (body: (tx: Tx) => Promise<T>) => Promise<T>, fn: (tx: Tx) => Promise<T>): Promise<T> {
  let thrown: { error: unknown } | undefined
  try {
    return await begin(tx => fn(tx).catch((error: unknown) => {
      thrown = { error }
      throw error
    }))
  }
  catch (error) {
    if (thrown && thrown.error === error)
      throw error
    throw toStoreError(error, 'transaction')
  }
}
