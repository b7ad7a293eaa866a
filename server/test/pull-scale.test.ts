import type { User } from '../storage/users'
import type { Store } from '../store/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PULL_MAX_LIMIT } from '../../src/domain/sync-api'
import { PULL_MAX_BYTES, pullChanges, pullQuery } from '../storage/pull'
import { migrate } from '../store/migrate'
import { storeFactories } from './stores'
import { planScans, seedBigUnit } from './support/seed-unit'

const UNIT_ROWS = 10_000
const LONG_NOTES = 300

describe.each(storeFactories.filter(f => f.name === 'postgres'))('pull at scale on $name', (factory) => {
  let store: Store
  let reader: User

  beforeAll(async () => {
    store = await factory.open()
    await migrate(store)
    reader = await seedBigUnit(store, { unit: '大单位', rows: UNIT_ROWS, colleagues: 50, otherRows: 20_000, longNotes: LONG_NOTES })
  }, 120_000)
  afterAll(() => store?.close())

  it('reads a page of a 10,000-row unit through the indexes, never a sequential scan of the check-ins', async () => {
    for (const after of [0n, 5_000n]) {
      const { text, params } = pullQuery(reader, after, PULL_MAX_LIMIT)
      const [{ 'QUERY PLAN': plan }] = await store.query<{ 'QUERY PLAN': unknown }>(`explain (format json) ${text}`, params) as [{ 'QUERY PLAN': unknown }]
      const scans = planScans(plan)
      // (The few favorites of a user may be read either way; the planner picks a sequential scan of a tiny table.)
      expect(scans.filter(s => s.node === 'Seq Scan' && s.relation === 'checkins')).toEqual([])
      // The unit's rows come in seq order off (unit, seq), cut at the page; the user's rows in other units by user.
      expect(scans).toContainEqual({ node: 'Index Scan', relation: 'checkins', index: 'checkins_unit_seq_idx' })
    }
  })

  it('pages the whole unit within the row and byte bounds, every row once', async () => {
    const seen = new Set<string>()
    let cursor = 0n
    let pages = 0
    let firstPage = 0
    for (let more = true; more; pages++) {
      const page = await pullChanges(store, reader, cursor, PULL_MAX_LIMIT)
      const bytes = Buffer.byteLength(JSON.stringify({ checkins: page.checkins, favorites: page.favorites }))
      expect(page.checkins.length).toBeLessThanOrEqual(PULL_MAX_LIMIT)
      expect(page.checkins.length).toBeGreaterThan(0)
      expect(bytes).toBeLessThanOrEqual(PULL_MAX_BYTES)
      for (const c of page.checkins) {
        expect(seen.has(`${c.author}/${c.id}`)).toBe(false)
        seen.add(`${c.author}/${c.id}`)
      }
      firstPage ||= page.checkins.length
      cursor = page.lastSeq
      more = page.hasMore
    }
    expect(seen.size).toBe(UNIT_ROWS)
    // The long notes (6,000 bytes each, first in seq order) are cut by bytes, the rest by rows.
    expect(firstPage).toBeLessThanOrEqual(Math.floor(PULL_MAX_BYTES / 6_000))
    expect(pages).toBeGreaterThan(Math.ceil(UNIT_ROWS / PULL_MAX_LIMIT))
  }, 60_000)

  it('counts text as JSON against the byte bound: control characters take six bytes each', async () => {
    const [writer] = await store.query<{ id: string }>(`insert into users (name, unit, password_hash) values ('escaper', '转义单位', 'unused') returning id::text as id`)
    await store.query(
      `insert into checkins (id, user_id, point_id, status, progress, note, created_at, device_id, unit)
       select gen_random_uuid(), $1, 'test-plan-1', 'in_progress', 0, repeat(chr(1), 2000), now(), 'seed', '转义单位' from generate_series(1, 100)`,
      [writer!.id],
    )
    const page = await pullChanges(store, { id: writer!.id, name: 'escaper', unit: '转义单位', admin: false }, 0n, PULL_MAX_LIMIT)
    expect(Buffer.byteLength(JSON.stringify({ checkins: page.checkins, favorites: page.favorites }))).toBeLessThanOrEqual(PULL_MAX_BYTES)
    expect(page.hasMore).toBe(true)
  })
})
