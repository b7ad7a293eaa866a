import type { Store } from '../store/store'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import postgres from 'postgres'
import { expect, it } from 'vitest'
import { openPgliteStore } from '../store/pglite'
import { openPostgresStore } from '../store/postgres'

/** The PostgreSQL the tests may use: TEST_DATABASE_URL, else DATABASE_URL. */
export const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined

/** CI must not pass without the PostgreSQL variant; it says so by setting CI or REQUIRE_POSTGRES_TESTS. */
export const postgresRequired = Boolean(process.env.CI || process.env.REQUIRE_POSTGRES_TESTS)

/** A test that fails a CI run without PostgreSQL, where the PostgreSQL half of a suite would otherwise just not run. */
export function itRunsPostgresWhenRequired(): void {
  it('runs when CI expects it', () => {
    if (postgresRequired)
      expect(postgresUrl, 'set TEST_DATABASE_URL (see .ci/postgres.sh)').toBeTruthy()
  })
}

export interface StoreFactory {
  name: 'pglite' | 'postgres'
  /** A fresh, empty store (its own PGlite, or its own schema on the PostgreSQL server). */
  open: () => Promise<Store>
}

/**
 * A fresh PGlite data directory, made once per PGlite version and machine and shared
 * by the test files: initdb in WASM takes seconds, loading a copy a fraction of that.
 */
export async function pgliteTemplate(): Promise<Blob> {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite')
  const { version } = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }
  const file = join(tmpdir(), `yaodiantong-pglite-${version}.tar`)
  if (!existsSync(file)) {
    const db = await PGlite.create()
    const dump = await db.dumpDataDir('none')
    await db.close()
    // Written aside and renamed, so a test file running at the same time never reads half a file.
    const partial = `${file}.${randomBytes(4).toString('hex')}`
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
    renameSync(partial, file)
  }
  return new Blob([readFileSync(file)])
}

/** A new, empty schema on the PostgreSQL at `url`: its name, a URL whose connections use it (for child processes), and its removal. */
export async function scratchSchema(url: string, prefix = 'test') {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`
  const admin = postgres(url, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create schema ${schema}`)
  await admin.end()
  return {
    schema,
    // postgres.js sends unknown URL parameters as connection settings.
    url: `${url}${url.includes('?') ? '&' : '?'}search_path=${schema}`,
    drop: async () => {
      const sql = postgres(url, { max: 1, onnotice: () => {} })
      await sql.unsafe(`drop schema ${schema} cascade`)
      await sql.end()
    },
  }
}

async function openPostgresScratch(url: string): Promise<Store> {
  const { schema } = await scratchSchema(url)
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
  { name: 'pglite', open: async () => openPgliteStore(undefined, { template: await pgliteTemplate() }) },
  ...(postgresUrl ? [{ name: 'postgres' as const, open: () => openPostgresScratch(postgresUrl) }] : []),
]
