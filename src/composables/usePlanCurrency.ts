import type { Ref } from 'vue'
import { effectScope, getCurrentScope, onScopeDispose } from 'vue'
import { getCurrentPlanIds } from '~/db/queries'
import { useLiveQuery } from './useLiveQuery'

let shared: { ids: Ref<Set<string> | undefined>, users: number, stop: () => void } | undefined

/**
 * Ids of the current plans (the rest are 往年), live. Every card asks, and reading every plan row per card would cost
 * with thousands of plans: all callers share one query, kept while any of them is mounted.
 */
export function useCurrentPlanIds(): Ref<Set<string> | undefined> {
  if (!shared) {
    const scope = effectScope(true)
    const ids = scope.run(() => useLiveQuery(() => getCurrentPlanIds()))!
    shared = { ids, users: 0, stop: () => scope.stop() }
  }
  const entry = shared
  entry.users++
  if (getCurrentScope()) {
    onScopeDispose(() => {
      if (--entry.users > 0)
        return
      entry.stop()
      if (shared === entry)
        shared = undefined
    })
  }
  return entry.ids
}
