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
}

/** One user's pushes of a group, concatenated, and where each push's answers sit in the joint answer. */
interface Merged { push: UserPush, parts: { waiting: Waiting, offset: number }[] }

/** The pushes of one unit waiting for their group, and whether a group of that unit is in flight. */
interface Lane { queue: Waiting[], busy: boolean }

/**
 * Group commit for pushes: pushes of one unit that arrive in the same turn of the event loop, or while that unit's
 * group transaction is in flight, are applied together in one transaction with one multi-row statement per table,
 * so a busy server spends a few round trips and one commit on many pushes instead of ten round trips on each.
 * Pushes of one unit take turns anyway (their lock keeps pull cursors whole), so a lane per unit loses nothing,
 * and different units' groups run side by side. Every push still gets exactly the answers it would have got
 * alone (several pushes of one user are applied as one push, in arrival order, which answers the same). When a
 * group fails, each of its pushes is retried in a transaction of its own, so one user's failing push never fails
 * another's.
 */
export function createPushBatcher(store: Store, options: PushBatcherOptions = {}) {
  const maxMutations = options.maxMutations ?? 5_000
  const lanes = new Map<string, Lane>()
  /** Group transactions committed, and groups that failed and were retried push by push. */
  const stats = { groups: 0, fallbacks: 0 }

  function schedule(unit: string, lane: Lane): void {
    if (lane.busy)
      return
    if (lane.queue.length === 0) {
      lanes.delete(unit)
      return
    }
    lane.busy = true
    // Wait one turn: requests whose bodies were read in this turn join the group.
    setImmediate(() => void flush(unit, lane))
  }

  /** Takes the lane's next group: whole pushes, in arrival order, up to maxMutations. */
  function take(lane: Lane): Merged[] {
    const merged = new Map<string, Merged>()
    let total = 0
    let taken = 0
    for (const waiting of lane.queue) {
      if (taken > 0 && total + waiting.mutations.length > maxMutations)
        break
      taken++
      total += waiting.mutations.length
      const entry = merged.get(waiting.user.id)
      if (entry) {
        entry.parts.push({ waiting, offset: entry.push.mutations.length })
        entry.push.mutations.push(...waiting.mutations)
      }
      else {
        merged.set(waiting.user.id, { push: { user: waiting.user, mutations: [...waiting.mutations] }, parts: [{ waiting, offset: 0 }] })
      }
    }
    lane.queue = lane.queue.slice(taken)
    return [...merged.values()]
  }

  async function flush(unit: string, lane: Lane): Promise<void> {
    const group = take(lane)
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
      lane.busy = false
      schedule(unit, lane)
    }
  }

  return {
    stats,
    /** Applies `mutations` for `user` (in a group with other pushes when there are any); one result per mutation, in order. */
    push(user: User, mutations: Mutation[]): Promise<MutationResult[]> {
      if (mutations.length === 0)
        return Promise.resolve([])
      return new Promise<MutationResult[]>((resolve, reject) => {
        let lane = lanes.get(user.unit)
        if (!lane) {
          lane = { queue: [], busy: false }
          lanes.set(user.unit, lane)
        }
        lane.queue.push({ user, mutations, resolve, reject })
        schedule(user.unit, lane)
      })
    },
  }
}

export type PushBatcher = ReturnType<typeof createPushBatcher>
