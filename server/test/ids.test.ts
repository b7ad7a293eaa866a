import type { Mutation } from '../../src/domain/progress'
import type { Harness } from './harness'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadMigrations, migrate } from '../store/migrate'
import { checkin, checkinMutation, favoriteMutation } from './fixtures'
import { createHarness } from './harness'
import { storeFactories } from './stores'

/** A fixed sequence of pushes over two mutation ids and one check-in id; the answers, with the ids left out. */
async function scenario(h: Harness, token: string, ids: { m1: string, m2: string, m3: string, c: string }) {
  const first: Mutation = { id: ids.m1, kind: 'checkin.create', checkin: checkin({ id: ids.c, note: '第一次' }) }
  const steps: Mutation[][] = [
    [first],
    // A replay.
    [first],
    // Same mutation id, other content.
    [{ ...first, checkin: { ...first.checkin, note: '改了' } }],
    // A new mutation with the check-in's id and other content, then with the same content.
    [{ id: ids.m2, kind: 'checkin.create', checkin: { ...first.checkin, progress: 99 } }],
    [{ id: ids.m3, kind: 'checkin.create', checkin: first.checkin }],
  ]
  const answers = []
  for (const batch of steps)
    answers.push((await h.push(token, batch)).results.map(({ id: _id, ...rest }) => rest))
  return answers
}

describe.each(storeFactories)('ids are per user on $name', (factory) => {
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

  it('answers the same whether or not another user sent the ids first', async () => {
    const taken = { m1: randomUUID(), m2: randomUUID(), m3: randomUUID(), c: randomUUID() }
    const alone = await scenario(h, carol, { m1: randomUUID(), m2: randomUUID(), m3: randomUUID(), c: randomUUID() })
    const first = await scenario(h, alice, taken)
    const second = await scenario(h, bob, taken)
    expect(alone).toEqual([
      [{ status: 'accepted' }],
      [{ status: 'accepted' }],
      [{ status: 'rejected', reason: 'mutation id reused' }],
      [{ status: 'rejected', reason: 'check-in id taken' }],
      [{ status: 'accepted' }],
    ])
    expect(first).toEqual(alone)
    expect(second).toEqual(alone)
    const rows = await h.store.query<{ author: string }>(
      'select u.name as author from checkins c join users u on u.id = c.user_id where c.id = $1 order by u.name',
      [taken.c],
    )
    expect(rows).toEqual([{ author: 'alice' }, { author: 'bob' }])
  })

  it('never lets one user\'s ids block another\'s, in either order, favorites included', async () => {
    const shared = checkinMutation({ note: '鲍勃先发' })
    expect((await h.push(bob, [shared])).results[0]!.status).toBe('accepted')
    // Alice reuses Bob's mutation id for a favorite and Bob's check-in id for her own note.
    const aliceBatch: Mutation[] = [
      { ...favoriteMutation({ pointId: 'test-plan-5', on: true }), id: shared.id },
      checkinMutation({ id: shared.kind === 'checkin.create' ? shared.checkin.id : '', note: '爱丽丝的' }),
    ]
    expect((await h.push(alice, aliceBatch)).results.map(r => r.status)).toEqual(['accepted', 'accepted'])
    // Both are replays for their own senders.
    expect((await h.push(bob, [shared])).results[0]!.status).toBe('accepted')
    expect((await h.push(alice, aliceBatch)).results.map(r => r.status)).toEqual(['accepted', 'accepted'])
  })

  it('pulls colleagues\' check-ins that share an id, told apart by author', async () => {
    const id = randomUUID()
    await h.push(alice, [checkinMutation({ id, note: 'A' })])
    await h.push(bob, [checkinMutation({ id, note: 'B' })])
    const seen = (await h.pullAll(alice)).checkins.filter(c => c.id === id)
    expect(seen.map(c => [c.author, c.mine, c.note]).sort()).toEqual([['alice', true, 'A'], ['bob', false, 'B']])
  })

  it('stores a sub-millisecond timestamp at the millisecond, so sending it again is a replay', async () => {
    const raw = { id: randomUUID(), kind: 'checkin.create', checkin: { ...checkin(), createdAt: '2026-01-01T00:00:00.9999999Z' } }
    const sameEventNewMutation = { ...raw, id: randomUUID(), checkin: { ...raw.checkin, createdAt: '2026-01-01T08:00:00.999999+08:00' } }
    for (const body of [raw, raw, sameEventNewMutation]) {
      const res = await h.request('/api/sync/push', { method: 'POST', token: alice, json: { mutations: [body] } })
      expect(res.status).toBe(200)
      expect((await res.json()).results).toEqual([{ id: body.id, status: 'accepted' }])
    }
    const rows = await h.store.query<{ created_at: Date | string }>('select created_at from checkins where id = $1', [raw.checkin.id])
    expect(rows.map(r => new Date(r.created_at).toISOString())).toEqual(['2026-01-01T00:00:00.999Z'])
    const pulled = (await h.pullAll(alice)).checkins.find(c => c.id === raw.checkin.id)
    expect(pulled?.createdAt).toBe('2026-01-01T00:00:00.999Z')
  })

  it('keeps the rows stored before ids became per user (migration 002)', async () => {
    const store = await factory.open()
    try {
      const migrations = loadMigrations()
      await migrate(store, migrations.slice(0, 1))
      const id = randomUUID()
      await store.exec(`insert into users (id, name, unit, password_hash) values (1, 'old', 'u', 'x'), (2, 'new', 'u', 'x');
        insert into checkins (id, user_id, point_id, status, progress, note, created_at, device_id, unit)
          values ('${id}', 1, 'p', 'done', 100, '旧的', now(), 'd', 'u');
        insert into mutations (id, user_id, payload, status) values ('${id}', 1, '{}', 'accepted')`)
      expect(await migrate(store, migrations)).toEqual(migrations.slice(1).map(m => m.name))
      expect(await store.query('select note from checkins where id = $1', [id])).toEqual([{ note: '旧的' }])
      await store.exec(`insert into checkins (id, user_id, point_id, status, progress, note, created_at, device_id, unit)
          values ('${id}', 2, 'p', 'done', 100, '新的', now(), 'd', 'u');
        insert into mutations (id, user_id, payload, status) values ('${id}', 2, '{}', 'accepted')`)
      expect(await store.query<{ n: number }>('select count(*)::int as n from mutations where id = $1', [id])).toEqual([{ n: 2 }])
    }
    finally {
      await store.close()
    }
  })
})
