import type { LiveSession } from '../storage/sessions'
import type { Queryable } from '../store/store'
import { sessionsForTokenHashes } from '../storage/sessions'
import { hashToken } from './tokens'

/**
 * Looks tokens up in the store, one statement for all the requests that ask in the same turn of the event loop:
 * on PostgreSQL every request looks its token up (nothing is cached), and under load that would be one round
 * trip per request. Each lookup still reads the store after it was asked, so a revocation is never missed.
 */
export function createSessionLookups(store: Queryable) {
  type Batch = Map<string, { resolve: (s: LiveSession | undefined) => void, reject: (e: unknown) => void }[]>
  let pending: Batch | undefined

  async function flush(batch: Batch): Promise<void> {
    try {
      const found = await sessionsForTokenHashes(store, [...batch.keys()])
      for (const [hash, waiting] of batch)
        waiting.forEach(w => w.resolve(found.get(hash)))
    }
    catch (error) {
      for (const waiting of batch.values())
        waiting.forEach(w => w.reject(error))
    }
  }

  return (token: string): Promise<LiveSession | undefined> => new Promise((resolve, reject) => {
    let batch = pending
    if (!batch) {
      const fresh: Batch = new Map()
      batch = pending = fresh
      setImmediate(() => {
        pending = undefined
        void flush(fresh)
      })
    }
    const hash = hashToken(token)
    const waiting = batch.get(hash) ?? []
    waiting.push({ resolve, reject })
    batch.set(hash, waiting)
  })
}
