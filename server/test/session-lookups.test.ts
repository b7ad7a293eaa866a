import type { Queryable } from '../store/store'
import type { Harness } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSessionLookups } from '../auth/session-lookups'
import { revokeSession } from '../storage/sessions'
import { createHarness } from './harness'
import { storeFactories } from './stores'

describe.each(storeFactories)('session lookups on $name', (factory) => {
  let h: Harness
  let alice: string
  let bob: string

  beforeAll(async () => {
    h = await createHarness(factory)
    alice = (await h.addAndLogin('alice', '长沙市政务局')).token
    bob = (await h.addAndLogin('bob', '娄底市政务局')).token
  }, 60_000)
  afterAll(() => h?.close())

  it('answers the lookups of one turn with one statement, each with its own user', async () => {
    let statements = 0
    const counted: Queryable = { ...h.store, query: (text, params) => {
      statements++
      return h.store.query(text, params)
    } }
    const lookup = createSessionLookups(counted)
    const found = await Promise.all([alice, bob, alice, 'x'.repeat(43)].map(lookup))
    expect(found.map(s => s?.user.name)).toEqual(['alice', 'bob', 'alice', undefined])
    expect(statements).toBe(1)
  })

  it('reads the store after it was asked: a token revoked before is not found', async () => {
    const lookup = createSessionLookups(h.store)
    expect((await lookup(bob))?.user.unit).toBe('娄底市政务局')
    await revokeSession(h.store, bob)
    expect(await lookup(bob)).toBeUndefined()
  })
})
