import type { Store } from '../store/store'
import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { openPgliteStore } from '../store/pglite'
import { openPostgresStore } from '../store/postgres'

/** The PostgreSQL the tests may use: TEST_DATABASE_URL, else DATABASE_URL. */
export const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined

/** CI must not pass without the PostgreSQL variant; it says so by setting CI or REQUIRE_POSTGRES_TESTS. */
export const postgresRequired = Boolean(process.env.CI || process.env.REQUIRE_POSTGRES_TESTS)

export interface StoreFactory {
  name: 'pglite' | 'postgres'
  /** A fresh, empty store (its own PGlite, or its own schema on the PostgreSQL server). */
  open: () => Promise<Store>
}

async function openPostgresScratch(url: string): Promise<Store> {
  const schema = `test_${randomBytes(6).toString('hex')}`
  const admin = postgres(url, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create schema ${schema}`)
  await admin.end()
  const store = await openPostgresStore(url, { schema, max: 5 })
  return {
    ...store,
    close: async () => {
      await store.query(`drop schema ${schema} cascade`)
      await store.close()
    },
  }
}

/** Every store the integration suites run against. */
export const storeFactories: StoreFactory[] = [
  { name: 'pglite', open: () => openPgliteStore() },
  ...(postgresUrl ? [{ name: 'postgres' as const, open: () => openPostgresScratch(postgresUrl) }] : []),
]
