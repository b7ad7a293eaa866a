import type { Queryable, Store } from './store'
import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { lockDirectory } from './dir-lock'

type PgliteLike = Pick<PGlite, 'query' | 'exec'>

function queryable(db: PgliteLike): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await db.query<Row>(sql, params as unknown[])
      return result.rows
    },
    async exec(sql: string) {
      await db.exec(sql)
    },
  }
}

/**
 * Opens an embedded PGlite store: in memory when `dataDir` is undefined, else on disk.
 * `template` (a dumpDataDir() tarball) starts from a copy instead of running initdb (tests).
 */
export async function openPgliteStore(dataDir?: string, options: { template?: Blob } = {}): Promise<Store> {
  let unlock = () => {}
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true })
    unlock = lockDirectory(`${dataDir}.lock`, `the PGlite data directory ${dataDir}`)
  }
  let db: PGlite
  try {
    db = await PGlite.create({ dataDir, loadDataDir: options.template })
  }
  catch (error) {
    unlock()
    throw error
  }
  return {
    kind: 'pglite',
    ...queryable(db),
    // PGlite runs one statement at a time and holds other queries back while a
    // transaction is open, so transactions never interleave.
    transaction: fn => db.transaction(tx => fn(queryable(tx))),
    close: async () => {
      try {
        await db.close()
      }
      finally {
        unlock()
      }
    },
  }
}
