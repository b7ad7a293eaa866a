import type { Store } from './store'
import { openPgliteStore } from './pglite'
import { openPostgresStore } from './postgres'

/** PostgreSQL when a postgres:// URL is given, else embedded PGlite in `dataDir` (in memory when undefined). */
export async function openStore(options: { databaseUrl?: string, dataDir?: string }): Promise<Store> {
  const url = options.databaseUrl?.trim()
  if (url) {
    if (!/^postgres(?:ql)?:\/\//.test(url))
      throw new Error('DATABASE_URL must start with postgres:// or postgresql://')
    return openPostgresStore(url)
  }
  return openPgliteStore(options.dataDir)
}
