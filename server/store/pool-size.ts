import { availableParallelism } from 'node:os'

const MAX_POOL = 1000

/**
 * How many PostgreSQL connections one server process keeps: PG_POOL_MAX when set, else 2 × the cores Node may use
 * + 1 (PostgreSQL's own rule of thumb). Pushes share a few group transactions, so more connections would only queue
 * inside PostgreSQL, and several server processes on one database each take this many.
 */
export function poolSize(env: Record<string, string | undefined> = process.env, cores = availableParallelism()): number {
  const raw = env.PG_POOL_MAX?.trim()
  if (raw === undefined || raw === '')
    return 2 * cores + 1
  const n = Number(raw)
  if (!/^\d+$/.test(raw) || n < 1 || n > MAX_POOL)
    throw new Error(`PG_POOL_MAX must be a whole number of connections from 1 to ${MAX_POOL}, got "${raw}"`)
  return n
}
