import type { Queryable, Store } from './store'
import { mkdirSync, realpathSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { lockDirectory } from './dir-lock'
import { guardedTransaction, toStoreError } from './store-error'

type PgliteLike = Pick<PGlite, 'query' | 'exec'>

function queryable(db: PgliteLike): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      try {
        const result = await db.query<Row>(sql, params as unknown[])
        return result.rows
      }
      catch (error) {
        throw toStoreError(error, sql)
      }
    },
    async exec(sql: string) {
      try {
        await db.exec(sql)
      }
      catch (error) {
        throw toStoreError(error, sql)
      }
    },
  }
}

/**
 * Opens an embedded PGlite store: in memory when `dataDir` is undefined, else on disk.
 * `template` (a dumpDataDir() tarball) starts from a copy instead of running initdb (tests).
 */
export async function openPgliteStore(dataDir?: string, options: { template?: Blob } = {}): Promise<Store> {
  let unlock = () => {}
  let realDir: string | undefined
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true })
    // `data/`, `./data` and a symlink to it are one directory: lock what they resolve to, inside it.
    realDir = realpathSync(dataDir)
    unlock = lockDirectory(realDir, `the PGlite data directory ${realDir}`)
  }
  let db: PGlite
  try {
    db = await PGlite.create({ dataDir: realDir, loadDataDir: options.template })
  }
  catch (error) {
    unlock()
    throw error
  }
  return {
    kind: 'pglite',
    dataDir: realDir,
    ...queryable(db),
    // PGlite runs one statement at a time and holds other queries back while a
    // transaction is open, so transactions never interleave.
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return guardedTransaction<PgliteLike, T>(body => db.transaction(body), tx => fn(queryable(tx)))
    },
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
