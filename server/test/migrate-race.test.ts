import type { Store } from '../store/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadMigrations, migrate } from '../store/migrate'
import { openPostgresStore } from '../store/postgres'
import { itRunsPostgresWhenRequired, postgresUrl, scratchSchema } from './stores'

describe('concurrent starts on one PostgreSQL', () => {
  itRunsPostgresWhenRequired()

  describe.each(postgresUrl ? [postgresUrl] : [])('on a fresh schema', (url) => {
    let scratch: Awaited<ReturnType<typeof scratchSchema>>
    let stores: Store[] = []

    beforeAll(async () => {
      scratch = await scratchSchema(url, 'test_migrate')
      // Four servers starting at once: each with its own pool, so each migrate() has its own connections.
      stores = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore(url, { schema: scratch.schema, max: 2 })))
    })
    afterAll(async () => {
      await Promise.all(stores.map(store => store.close()))
      await scratch?.drop()
    })

    it('applies each migration exactly once', async () => {
      const results = await Promise.all(stores.map(store => migrate(store)))
      const names = loadMigrations().map(m => m.name)
      expect(results.flat().sort()).toEqual(names)
      const rows = await stores[0]!.query<{ name: string }>('select name from schema_migrations order by version')
      expect(rows.map(r => r.name)).toEqual(names)
      // A later start finds nothing to do.
      expect(await migrate(stores[1]!)).toEqual([])
    })
  })
})
