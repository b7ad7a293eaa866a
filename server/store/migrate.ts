import type { Store } from './store'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url))
// Any constant works; it only has to be the same for every server process.
const MIGRATION_LOCK = 7_242_001

export interface Migration { version: number, name: string, sql: string }

/** The numbered migrations (NNN_name.sql) in `dir`, in order. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter(name => /^\d{3}_[\w-]+\.sql$/.test(name))
    .sort()
    .map(name => ({ version: Number(name.slice(0, 3)), name, sql: readFileSync(dir + name, 'utf8') }))
}

/** Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction; returns their names. */
export async function migrate(store: Store, migrations = loadMigrations()): Promise<string[]> {
  await store.transaction(async (tx) => {
    // Under the lock too: two concurrent `create table if not exists` on a fresh database can both try to create
    // it, and the loser fails on pg_type's unique index instead of finding it there.
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await tx.exec(`create table if not exists schema_migrations (
      version int primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`)
  })
  const applied: string[] = []
  for (const migration of migrations) {
    await store.transaction(async (tx) => {
      // Two servers starting at once on one PostgreSQL must not both apply a migration.
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
      const done = await tx.query('select 1 from schema_migrations where version = $1', [migration.version])
      if (done.length > 0)
        return
      await tx.exec(migration.sql)
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [migration.version, migration.name])
      applied.push(migration.name)
    })
  }
  return applied
}
