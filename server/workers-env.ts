import { z } from '../src/domain/zod'

/** More would exhaust PostgreSQL's connections long before the CPUs: each process keeps a pool of up to 10. */
export const MAX_WORKERS = 64

const WorkersSchema = z.string().trim().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1).max(MAX_WORKERS))

/**
 * WORKERS (how many server processes `npm start` runs) from the environment; unset or empty means one process,
 * without a cluster. PGlite is one process's database (a second writer would lose acknowledged writes), so more
 * than one worker needs DATABASE_URL. A bad value stops the start with a message naming it.
 */
export function workersFromEnv(env: Record<string, string | undefined>): { workers: number } | { error: string } {
  const raw = env.WORKERS
  if (raw === undefined || raw.trim() === '')
    return { workers: 1 }
  const parsed = WorkersSchema.safeParse(raw)
  if (!parsed.success)
    return { error: `WORKERS must be a whole number from 1 to ${MAX_WORKERS} (got "${raw}")` }
  if (parsed.data > 1 && !env.DATABASE_URL?.trim()) {
    return {
      error: `WORKERS=${parsed.data} needs DATABASE_URL: the embedded PGlite store allows one server process only `
        + `(unset WORKERS, or set DATABASE_URL=postgres://… for several)`,
    }
  }
  return { workers: parsed.data }
}
