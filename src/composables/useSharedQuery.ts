import type { Ref } from 'vue'
import { effectScope, getCurrentScope, onScopeDispose } from 'vue'
import { useLiveQuery } from './useLiveQuery'

/**
 * One live query for every caller of the returned composable, kept while any of them is mounted: a deck page, its
 * title and every card asking for all plans would otherwise each read (and structurally clone) thousands of rows.
 */
export function sharedLiveQuery<T>(querier: () => Promise<T>): () => Ref<T | undefined> {
  let shared: { value: Ref<T | undefined>, users: number, stop: () => void } | undefined
  return () => {
    if (!shared) {
      const scope = effectScope(true)
      const value = scope.run(() => useLiveQuery(querier))!
      shared = { value, users: 0, stop: () => scope.stop() }
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
    return entry.value
  }
}
