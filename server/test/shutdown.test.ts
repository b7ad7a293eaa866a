import type { Queryable, Store } from '../store/store'
import { describe, expect, it } from 'vitest'
import { checkinMutation } from './fixtures'
import { createHarness } from './harness'
import { listenInRange } from './listen'
import { storeFactories } from './stores'

describe('graceful shutdown', () => {
  it('finishes a push in flight, then stops accepting and closes the store', async () => {
    const h = await createHarness(storeFactories[0]!)
    const { token } = await h.addAndLogin('late', '单位')
    let entered!: () => void
    const inTransaction = new Promise<void>((resolve) => {
      entered = resolve
    })
    // The real store, with each transaction held open a moment so shutdown starts while one runs.
    const slow: Store = {
      ...h.store,
      transaction: fn => h.store.transaction(async (tx: Queryable) => {
        entered()
        await new Promise(resolve => setTimeout(resolve, 300))
        return fn(tx)
      }),
    }
    const server = await listenInRange(slow, 8787, 8799)
    const batch = [checkinMutation(), checkinMutation()]
    const push = fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Authorization': `Bearer ${token}` },
      body: JSON.stringify({ mutations: batch }),
    })
    await inTransaction
    let storeClosed = false
    const closing = server.close().then(() => {
      storeClosed = true
    })
    const res = await push
    expect(res.status).toBe(200)
    expect((await res.json()).results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'accepted'])
    await closing
    expect(storeClosed).toBe(true)
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow()
    await expect(h.store.query('select 1')).rejects.toThrow()
  }, 60_000)
})
