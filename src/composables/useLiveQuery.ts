import type { Subscription } from 'dexie'
import type { Ref, WatchSource } from 'vue'
import { liveQuery } from 'dexie'
import { getCurrentScope, onScopeDispose, shallowRef, watch } from 'vue'

/**
 * A Dexie liveQuery as a Vue ref: re-runs whenever the tables it read change, re-subscribes
 * when `deps` change, unsubscribes when the calling scope (component) is disposed.
 * The previous value stays until the new query answers, so lists do not flicker.
 */
/** A query's reads; `signal` aborts once its answer is no longer wanted, so a long read can stop between steps. */
type Querier<T> = (signal: AbortSignal) => T | Promise<T>

export function useLiveQuery<T>(querier: Querier<T>, deps?: WatchSource[]): Ref<T | undefined>
export function useLiveQuery<T>(querier: Querier<T>, deps: WatchSource[] | undefined, initial: T): Ref<T>
export function useLiveQuery<T>(querier: Querier<T>, deps?: WatchSource[], initial?: T): Ref<T | undefined> {
  // Shallow: rows are replaced wholesale, never mutated, and deep proxies over thousands of points cost time.
  const value = shallowRef<T | undefined>(initial)
  // The build's prerender of 首页 has no IndexedDB: it draws what a fresh visitor sees before the first answer.
  if (import.meta.env.PRERENDER)
    return value
  let subscription: Subscription | undefined
  let controller: AbortController | undefined
  const stop = () => {
    controller?.abort()
    subscription?.unsubscribe()
    subscription = undefined
  }

  const subscribe = () => {
    stop()
    const { signal } = (controller = new AbortController())
    subscription = liveQuery(() => querier(signal)).subscribe({
      next: (v) => {
        value.value = v
      },
      error: (e: unknown) => console.error('[useLiveQuery]', e),
    })
  }

  if (deps && deps.length > 0)
    watch(deps, subscribe, { immediate: true })
  else
    subscribe()

  if (getCurrentScope()) {
    onScopeDispose(stop)
  }
  return value
}
