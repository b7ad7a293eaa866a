import type { Harness } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate } from '../store/migrate'
import { checkinMutation, favoriteMutation, POINT } from './fixtures'
import { createHarness } from './harness'
import { postgresRequired, postgresUrl, storeFactories } from './stores'

describe('the PostgreSQL variant', () => {
  it('runs when CI expects it', () => {
    // Fails instead of skipping: a CI run without TEST_DATABASE_URL would otherwise pass on PGlite alone.
    if (postgresRequired)
      expect(postgresUrl, 'set TEST_DATABASE_URL (see .ci/postgres.sh)').toBeTruthy()
    expect(storeFactories.map(f => f.name)).toEqual(postgresUrl ? ['pglite', 'postgres'] : ['pglite'])
  })
})

describe.each(storeFactories)('sync on $name', (factory) => {
  let h: Harness
  let alice: string
  let bob: string
  let carol: string

  beforeAll(async () => {
    h = await createHarness(factory)
    alice = (await h.addAndLogin('alice', '长沙市政务局')).token
    bob = (await h.addAndLogin('bob', '长沙市政务局')).token
    carol = (await h.addAndLogin('carol', '娄底市政务局')).token
  }, 60_000)
  afterAll(() => h?.close())

  it('has applied the numbered migrations once; running them again changes nothing', async () => {
    expect(await migrate(h.store)).toEqual([])
    const rows = await h.store.query<{ version: number, name: string }>('select version, name from schema_migrations order by version')
    expect(rows[0]).toEqual({ version: 1, name: '001_init.sql' })
  })

  it('stores each check-in once when the same push is sent twice', async () => {
    const batch = [checkinMutation(), checkinMutation({ progress: 60 })]
    const first = await h.push(alice, batch)
    const second = await h.push(alice, batch)
    expect(first.results.map(r => r.status)).toEqual(['accepted', 'accepted'])
    expect(second).toEqual(first)
    const rows = await h.store.query<{ n: number }>('select count(*)::int as n from checkins where id = any($1::uuid[])', [batch.map(m => m.kind === 'checkin.create' && m.checkin.id)])
    expect(rows[0]!.n).toBe(2)
  })

  it('answers a replay after a lost response with the original answers, storing nothing twice', async () => {
    const lost = [checkinMutation(), favoriteMutation({ pointId: 'test-plan-2' })]
    await h.push(alice, lost)
    // The client never saw the answer and resends, now with one more mutation in the batch.
    const replay = await h.push(alice, [...lost, checkinMutation({ note: '新的' })])
    expect(replay.results.map(r => r.status)).toEqual(['accepted', 'accepted', 'accepted'])
    const counts = await h.store.query<{ n: number }>('select count(*)::int as n from checkins where id = $1', [lost[0]!.kind === 'checkin.create' ? lost[0]!.checkin.id : ''])
    expect(counts[0]!.n).toBe(1)
  })

  it('accepts a duplicate inside one batch once', async () => {
    const m = checkinMutation()
    const res = await h.push(alice, [m, m])
    expect(res.results).toEqual([{ id: m.id, status: 'accepted' }, { id: m.id, status: 'accepted' }])
  })

  it('inside one batch, refuses a repeated mutation id or check-in id with different content', async () => {
    const m = checkinMutation()
    const checkinId = m.kind === 'checkin.create' ? m.checkin.id : ''
    const otherContent = { ...m, checkin: { ...(m.kind === 'checkin.create' ? m.checkin : undefined!), note: '别的' } }
    const sameCheckinNewMutation = checkinMutation({ id: checkinId, progress: 5 })
    const res = await h.push(alice, [m, otherContent, sameCheckinNewMutation, checkinMutation({ ...(m.kind === 'checkin.create' ? m.checkin : {}), id: checkinId })])
    expect(res.results.map(r => (r.status === 'rejected' ? r.reason : r.status))).toEqual(['accepted', 'mutation id reused', 'check-in id taken', 'accepted'])
    const rows = await h.store.query<{ note: string }>('select note from checkins where id = $1', [checkinId])
    expect(rows).toEqual([{ note: '推进中' }])
  })

  it('rejects a reused mutation id with different content and an unknown point', async () => {
    const m = checkinMutation()
    await h.push(alice, [m])
    const changed = { ...m, checkin: { ...m.kind === 'checkin.create' ? m.checkin : undefined!, progress: 99 } }
    const unknown = checkinMutation({ pointId: 'no-such-point' })
    const res = await h.push(alice, [changed, unknown])
    expect(res.results).toEqual([
      { id: m.id, status: 'rejected', reason: 'mutation id reused' },
      { id: unknown.id, status: 'rejected', reason: 'unknown point' },
    ])
  })

  it('never overwrites a check-in: its id under a new mutation with other content is rejected', async () => {
    const original = checkinMutation({ note: '原文' })
    await h.push(alice, [original])
    const checkinId = original.kind === 'checkin.create' ? original.checkin.id : ''
    const same = await h.push(alice, [checkinMutation({ id: checkinId, note: '原文' })])
    const edited = await h.push(alice, [checkinMutation({ id: checkinId, note: '篡改' })])
    expect(same.results[0]!.status).toBe('accepted')
    expect(edited.results[0]).toMatchObject({ status: 'rejected', reason: 'check-in id taken' })
    const rows = await h.store.query<{ note: string }>('select note from checkins where id = $1', [checkinId])
    expect(rows).toEqual([{ note: '原文' }])
  })

  it('keeps the last writer of a favorite by (updatedAt, deviceId), whatever the arrival order', async () => {
    const point = 'test-plan-3'
    const late = favoriteMutation({ pointId: point, on: false, updatedAt: '2023-06-01T00:00:00.000Z', deviceId: 'a' })
    const early = favoriteMutation({ pointId: point, on: true, updatedAt: '2023-05-01T00:00:00.000Z', deviceId: 'z' })
    const tieLoser = favoriteMutation({ pointId: point, on: true, updatedAt: '2023-06-01T00:00:00.000Z', deviceId: '0' })
    const res = await h.push(alice, [late, early, tieLoser])
    expect(res.results.every(r => r.status === 'accepted')).toBe(true)
    const pulled = await h.pullAll(alice)
    expect(pulled.favorites.filter(f => f.pointId === point)).toEqual([
      { pointId: point, on: false, updatedAt: '2023-06-01T00:00:00.000Z', deviceId: 'a' },
    ])
    const tieWinner = favoriteMutation({ pointId: point, on: true, updatedAt: '2023-06-01T00:00:00.000Z', deviceId: 'b' })
    await h.push(alice, [tieWinner])
    const again = await h.pullAll(alice)
    expect(again.favorites.filter(f => f.pointId === point).at(-1)).toMatchObject({ on: true, deviceId: 'b' })
  })

  it('pulls own and same-unit check-ins in pages, colleagues marked read-only with their name', async () => {
    const mine = Array.from({ length: 7 }, (_, i) => checkinMutation({ progress: i }))
    await h.push(bob, mine)
    await h.push(carol, [checkinMutation({ note: '娄底' })])
    const all = await h.pullAll(bob, 3)
    expect(all.pages).toBeGreaterThan(2)
    const ids = all.checkins.map(c => c.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const m of mine)
      expect(ids).toContain(m.kind === 'checkin.create' ? m.checkin.id : '')
    expect(all.checkins.filter(c => c.mine).every(c => c.author === 'bob')).toBe(true)
    expect(all.checkins.filter(c => !c.mine).every(c => c.author === 'alice')).toBe(true)
    expect(all.checkins.some(c => c.author === 'alice')).toBe(true)
    expect(all.checkins.some(c => c.author === 'carol')).toBe(false)
    // Bob sees only his own favorites, never Alice's.
    expect(all.favorites).toEqual([])
  })

  it('resumes from a cursor with only what changed since', async () => {
    const before = await h.pullAll(carol)
    const next = checkinMutation({ note: '之后' })
    await h.push(carol, [next])
    const res = await h.request(`/api/sync/pull?cursor=${before.nextCursor}`, { token: carol })
    const page = await res.json()
    expect(page.checkins.map((c: { id: string }) => c.id)).toEqual([next.kind === 'checkin.create' ? next.checkin.id : ''])
    expect(page.hasMore).toBe(false)
    const empty = await (await h.request(`/api/sync/pull?cursor=${page.nextCursor}`, { token: carol })).json()
    expect(empty).toEqual({ checkins: [], favorites: [], nextCursor: page.nextCursor, hasMore: false })
  })

  it('rejects invalid cursors and limits with 400', async () => {
    for (const query of ['cursor=abc', 'cursor=djE6LTE', 'cursor=%00', 'limit=0', 'limit=100000', 'limit=x']) {
      const res = await h.request(`/api/sync/pull?${query}`, { token: alice })
      expect(res.status, query).toBe(400)
      expect((await res.json()).error).toMatch(/cursor|limit/)
    }
  })

  it('applies concurrent pushes of one user without losing or doubling any check-in', async () => {
    const batches = Array.from({ length: 8 }, () => Array.from({ length: 10 }, () => checkinMutation({ pointId: POINT })))
    const results = await Promise.all(batches.map(b => h.push(carol, b)))
    expect(results.flatMap(r => r.results).every(r => r.status === 'accepted')).toBe(true)
    const ids = batches.flat().map(m => (m.kind === 'checkin.create' ? m.checkin.id : ''))
    const rows = await h.store.query<{ n: number }>('select count(*)::int as n from checkins where id = any($1::uuid[])', [ids])
    expect(rows[0]!.n).toBe(80)
  })
})
