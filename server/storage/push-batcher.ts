import type { Mutation } from '../../src/domain/progress'
import type { MutationResult } from '../../src/domain/sync-api'
import type { Store } from '../store/store'
import type { UserPush } from './push'
import type { User } from './users'
import { pushGroup, pushMutations } from './push'

interface Waiting {
  user: User
  mutations: Mutation[]
  resolve: (results: MutationResult[]) => void
  reject: (error: unknown) => void
}

export interface PushBatcherOptions {
  /** The most mutations one group transaction carries (at least one whole push always goes). */
  maxMutations?: number
  /** Group transactions in flight at once. */
  concurrency?: number
}

/** One user's pushes of a group, concatenated, and where each push's answers sit in the joint answer. */
interface Merged { push: UserPush, parts: { waiting: Waiting, offset: number }[] }

/**
 * Group commit for pushes: pushes that arrive in the same turn of the event loop, or while a group transaction is
 * in flight, are applied together in one transaction with one multi-row statement per table, so a busy server
 * spends a few round trips and one commit on many pushes instead of ten round trips on each. Every push still gets
 * exactly the answers it would have got alone (several pushes of one user are applied as one push, in arrival
 * order, which answers the same). When the group fails, each push is retried in a transaction of its own, so one
 * user's failing push never fails another's.
 */
export function createPushBatcher(store: Store, options: PushBatcherOptions = {}) {
  const maxMutations = options.maxMutations ?? 5_000
  const concurrency = options.concurrency ?? 1
  let queue: Waiting[] = []
  let running = 0
  let scheduled = false
  /** Group transactions committed, and groups that failed and were retried push by push. */
  const stats = { groups: 0, fallbacks: 0 }

  function schedule(): void {
    if (scheduled || running >= concurrency || queue.length === 0)
      return
    scheduled = true
    // Wait one turn: requests whose bodies were read in this turn join the group.
    setImmediate(() => {
      scheduled = false
      void flush()
    })
  }

  /** Takes the next group off the queue: whole pushes up to maxMutations; a user seen under another unit waits. */
  function take(): Merged[] {
    const merged = new Map<string, Merged>()
    const later: Waiting[] = []
    // A user with a push left for later keeps the rest of their pushes behind it, in arrival order.
    const deferred = new Set<string>()
    let total = 0
    for (const [i, waiting] of queue.entries()) {
      if (merged.size > 0 && total + waiting.mutations.length > maxMutations) {
        later.push(...queue.slice(i))
        break
      }
      const entry = merged.get(waiting.user.id)
      // An admin moved the user between two requests: their rows must keep the unit each push was made in.
      if (deferred.has(waiting.user.id) || (entry && entry.push.user.unit !== waiting.user.unit)) {
        deferred.add(waiting.user.id)
        later.push(waiting)
        continue
      }
      total += waiting.mutations.length
      if (entry) {
        entry.parts.push({ waiting, offset: entry.push.mutations.length })
        entry.push.mutations.push(...waiting.mutations)
      }
      else {
        merged.set(waiting.user.id, { push: { user: waiting.user, mutations: [...waiting.mutations] }, parts: [{ waiting, offset: 0 }] })
      }
    }
    queue = later
    return [...merged.values()]
  }

  async function flush(): Promise<void> {
    if (running >= concurrency || queue.length === 0)
      return
    const group = take()
    running++
    try {
      const results = await pushGroup(store, group.map(g => g.push))
      stats.groups++
      group.forEach((g, i) => {
        for (const { waiting, offset } of g.parts)
          waiting.resolve(results[i]!.slice(offset, offset + waiting.mutations.length))
      })
    }
    catch (error) {
      const waiting = group.flatMap(g => g.parts.map(p => p.waiting))
      stats.fallbacks++
      if (waiting.length === 1)
        waiting[0]!.reject(error)
      else
        await Promise.all(waiting.map(w => pushMutations(store, w.user, w.mutations).then(w.resolve, w.reject)))
    }
    finally {
      running--
      schedule()
    }
  }

  return {
    stats,
    /** Applies `mutations` for `user` (in a group with other pushes when there are any); one result per mutation, in order. */
    push(user: User, mutations: Mutation[]): Promise<MutationResult[]> {
      if (mutations.length === 0)
        return Promise.resolve([])
      return new Promise<MutationResult[]>((resolve, reject) => {
        queue.push({ user, mutations, resolve, reject })
        schedule()
      })
    },
  }
}

export type PushBatcher = ReturnType<typeof createPushBatcher>
