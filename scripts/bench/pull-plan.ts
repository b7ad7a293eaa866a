/**
 * `DATABASE_URL=… npx tsx scripts/bench/pull-plan.ts` — the plan and timing of the pull statement for a reader in a
 * unit of 10,000 check-ins (plus 20,000 in other units), in a scratch schema dropped afterwards: a first page and
 * one from the middle, EXPLAIN (ANALYZE, BUFFERS). For BENCHMARKS.md; server/test/pull-scale.test.ts holds the shape.
 */
import postgres from 'postgres'
import { pullQuery } from '../../server/storage/pull'
import { migrate } from '../../server/store/migrate'
import { openPostgresStore } from '../../server/store/postgres'
import { seedBigUnit } from '../../server/test/support/seed-unit'
import { PULL_MAX_LIMIT } from '../../src/domain/sync-api'

const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL
if (!url)
  throw new Error('set DATABASE_URL')
const schema = `pull_plan_${Date.now()}`
const admin = postgres(url, { max: 1, onnotice: () => {} })
await admin.unsafe(`create schema ${schema}`)
const store = await openPostgresStore(url, { schema, max: 2 })
try {
  await migrate(store)
  const reader = await seedBigUnit(store, { unit: '大单位', rows: 10_000, colleagues: 50, otherRows: 20_000, longNotes: 0 })
  for (const after of [0n, 5_000n]) {
    const { text, params } = pullQuery(reader, after, PULL_MAX_LIMIT)
    const rows = await store.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers, costs off) ${text}`, params)
    console.log(`-- cursor after seq ${after}, limit ${PULL_MAX_LIMIT}`)
    console.log(rows.map(r => r['QUERY PLAN']).join('\n'))
  }
}
finally {
  await store.close()
  await admin.unsafe(`drop schema ${schema} cascade`)
  await admin.end()
}
