import type { Mutation } from '../../src/domain/progress'
import type { User } from '../storage/users'
import type { Store } from '../store/store'
import type { Harness } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pullChanges } from '../storage/pull'
import { pushMutations } from '../storage/push'
import { createPushBatcher } from '../storage/push-batcher'
import { checkinMutation, favoriteMutation } from './fixtures'
import { createHarness } from './harness'
import { storeFactories } from './stores'

const checkinIdOf = (m: Mutation) => (m.kind === 'checkin.create' ? m.checkin.id : '')
const outcome = (r: { status: string, reason?: string }) => (r.status === 'rejected' ? r.reason : r.status)

/** The store, counting the transactions begun on it. */
function counting(store: Store): Store & { transactions: () => number } {
  let n = 0
  return { ...store, transaction: (fn) => {
    n++
    return store.transaction(fn)
  }, transactions: () => n }
}

describe.each(storeFactories)('push group commit on $name', (factory) => {
  let h: Harness
  let alice: User
  let bob: User
  let carol: User

  beforeAll(async () => {
    h = await createHarness(factory)
    alice = (await h.addAndLogin('alice', '长沙市政务局')).user
    bob = (await h.addAndLogin('bob', '长沙市政务局')).user
    carol = (await h.addAndLogin('carol', '娄底市政务局')).user
  }, 60_000)
  afterAll(() => h?.close())

  it('applies the pushes of one turn in one transaction, each answered and attributed as if it were alone', async () => {
    const store = counting(h.store)
    const batcher = createPushBatcher(store)
    const a1 = checkinMutation({ note: 'alice 1' })
    const a2 = checkinMutation({ note: 'alice 2' })
    const a1Other = { ...a1, checkin: { ...(a1 as Extract<Mutation, { kind: 'checkin.create' }>).checkin, note: '别的' } }
    // Bob reuses Alice's mutation id and check-in id: ids are each user's own.
    const b1 = { ...checkinMutation({ id: checkinIdOf(a1), note: 'bob 1' }), id: a1.id }
    const pushes: [User, Mutation[]][] = [
      [alice, [a1, a2]],
      [alice, [a1, a1Other, favoriteMutation({ pointId: 'test-plan-2' })]],
      [bob, [b1, checkinMutation({ pointId: 'no-such-point' })]],
      [carol, []],
    ]
    const results = await Promise.all(pushes.map(([user, mutations]) => batcher.push(user, mutations)))
    expect(results.map(r => r.map(outcome))).toEqual([
      ['accepted', 'accepted'],
      ['accepted', 'mutation id reused', 'accepted'],
      ['accepted', 'unknown point'],
      [],
    ])
    expect(results.map(r => r.map(x => x.id))).toEqual(pushes.map(([, ms]) => ms.map(m => m.id)))
    expect(store.transactions()).toBe(1)
    expect(batcher.stats).toEqual({ groups: 1, fallbacks: 0 })

    const rows = await h.store.query<{ name: string, unit: string, note: string }>(
      'select u.name, c.unit, c.note from checkins c join users u on u.id = c.user_id where c.id = $1 order by u.name',
      [checkinIdOf(a1)],
    )
    expect(rows).toEqual([{ name: 'alice', unit: '长沙市政务局', note: 'alice 1' }, { name: 'bob', unit: '长沙市政务局', note: 'bob 1' }])
    // Sent again one by one, every push gets the answers it got in the group.
    for (const [i, [user, mutations]] of pushes.entries())
      expect(await pushMutations(h.store, user, mutations)).toEqual(results[i])
  })

  it('answers a user\'s check-in sent again by another push of the same group as it would one push later', async () => {
    const first = checkinMutation({ note: '同一事件' })
    const id = checkinIdOf(first)
    // The same event under the same id in capitals (a UUID either way), and the same id with other content.
    const again = checkinMutation({ id: id.toUpperCase(), note: '同一事件' })
    const other = checkinMutation({ id, note: '别的内容' })
    const batcher = createPushBatcher(h.store)
    const together = await Promise.all([[first], [again], [other]].map(p => batcher.push(carol, p)))
    expect(together.map(r => r.map(outcome))).toEqual([['accepted'], ['accepted'], ['check-in id taken']])
  })

  it('fails only the push that fails in the store; the others of its group are stored', async () => {
    const batcher = createPushBatcher(h.store)
    // An account deleted after its token was looked up: its rows break a foreign key.
    const ghost: User = { id: '987654321', name: 'ghost', unit: '长沙市政务局', admin: false }
    const good = [checkinMutation(), checkinMutation()]
    const [ok, failed] = await Promise.allSettled([batcher.push(alice, good), batcher.push(ghost, [checkinMutation()])])
    expect(ok).toEqual({ status: 'fulfilled', value: good.map(m => ({ id: m.id, status: 'accepted' })) })
    expect(failed.status).toBe('rejected')
    expect(batcher.stats).toEqual({ groups: 0, fallbacks: 1 })
    const stored = await h.store.query('select 1 from checkins where id = any($1::uuid[])', [good.map(checkinIdOf)])
    expect(stored).toHaveLength(2)
  })

  it('splits a turn into groups of at most maxMutations, keeping one user\'s pushes in order', async () => {
    const store = counting(h.store)
    const batcher = createPushBatcher(store, { maxMutations: 4 })
    const m = checkinMutation()
    const pushes = [[m, checkinMutation()], [checkinMutation(), checkinMutation(), checkinMutation()], [m]]
    const results = await Promise.all(pushes.map(p => batcher.push(carol, p)))
    expect(results.flat().map(outcome)).toEqual(Array.from({ length: 6 }, () => 'accepted'))
    // [2 mutations], then [3 + 1]: the third push, a replay of the first's m, waits behind the second.
    expect(store.transactions()).toBe(2)
  })
})

describe.each(storeFactories.filter(f => f.name === 'postgres'))('push group locking on $name', (factory) => {
  let h: Harness

  beforeAll(async () => {
    h = await createHarness(factory)
  }, 60_000)
  afterAll(() => h?.close())

  it('two servers\' groups over crossing units never deadlock, and pulls see every row', async () => {
    const units = ['甲单位', '乙单位', '丙单位']
    const users = await Promise.all(units.map((unit, i) => h.addAndLogin(`writer-${i}`, unit).then(r => r.user)))
    const reader = (await h.addAndLogin('reader', units[0]!)).user
    // Two batchers on one store stand for two server processes: their groups lock {甲, 乙} and {乙, 丙}.
    const servers = [createPushBatcher(h.store), createPushBatcher(h.store)]
    const pushedToFirst: string[] = []
    const state = { writing: true }
    const writers = (async () => {
      try {
        for (let round = 0; round < 40; round++) {
          await Promise.all(([[0, 0], [0, 1], [1, 1], [1, 2]] as const).map(async ([server, user]) => {
            const batch = Array.from({ length: 5 }, () => checkinMutation())
            if (user === 0)
              pushedToFirst.push(...batch.map(checkinIdOf))
            const results = await servers[server]!.push(users[user]!, batch)
            expect(results.every(r => r.status === 'accepted')).toBe(true)
          }))
        }
      }
      finally {
        state.writing = false
      }
    })()
    const seen = new Set<string>()
    let cursor = 0n
    const pullPage = async () => {
      const page = await pullChanges(h.store, reader, cursor, 7)
      page.checkins.forEach(c => seen.add(c.id))
      cursor = page.lastSeq
      return page.hasMore
    }
    while (state.writing)
      await pullPage()
    await writers
    while (await pullPage());
    expect([...seen].sort()).toEqual([...pushedToFirst].sort())
    expect(servers.map(s => s.stats.fallbacks)).toEqual([0, 0])
  }, 60_000)

  it('holds a later group of the same unit until an earlier one commits, so a cursor cannot pass a late commit', async () => {
    const early = (await h.addAndLogin('early', '丁单位')).user
    const late = (await h.addAndLogin('late', '丁单位')).user
    const reader = (await h.addAndLogin('丁 reader', '丁单位')).user
    let release!: () => void
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    // The first server's transaction stops after its inserts, before its commit, until the gate opens.
    const held: Store = { ...h.store, transaction: fn => h.store.transaction(tx => fn({ ...tx, query: async (text, params) => {
      const rows = await tx.query(text, params)
      if (text.includes('insert into mutations'))
        await gate
      return rows as never
    } })) }
    const cursor = (await pullChanges(h.store, reader, 0n, 100)).lastSeq
    const earlyPush = createPushBatcher(held).push(early, [checkinMutation()])
    const waitingLocks = () => h.store.query<{ n: number }>(`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`)
    const lateState = { pushed: false }
    const latePush = createPushBatcher(h.store).push(late, [checkinMutation()]).then((r) => {
      lateState.pushed = true
      return r
    })
    let during
    try {
      // Either the late push waits for the unit's lock (right) or it commits first with the higher seq (wrong).
      while (!lateState.pushed && (await waitingLocks())[0]!.n === 0);
      during = await pullChanges(h.store, reader, cursor, 100)
      expect(during.checkins).toEqual([])
    }
    finally {
      release()
      await Promise.all([earlyPush, latePush])
    }
    const after = await pullChanges(h.store, reader, during.lastSeq, 100)
    expect(after.checkins.map(c => c.author).sort()).toEqual(['early', 'late'])
  })
})
