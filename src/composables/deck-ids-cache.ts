import type { Ref } from 'vue'
import type { DeckSource } from '~/domain/deck'
import { effectScope, getCurrentScope, onScopeDispose, shallowRef, toValue, watch } from 'vue'
import { getDeckIds } from '~/db/queries'
import { deckSourceKey } from '~/domain/deck'
import { useLiveQuery } from './useLiveQuery'

// One live query of a deck's ids per deck, shared by whoever shows that deck: a deck page and its filtered list
// read 100,000 ids once, and the read the router starts before the deck's code has loaded (deck-prefetch.ts) is
// the very query the page then uses.

interface Entry { ids: Ref<string[] | undefined>, users: number, stop: () => void }
const entries = new Map<string, Entry>()

function acquire(source: DeckSource): Entry {
  const key = deckSourceKey(source)
  let entry = entries.get(key)
  if (!entry) {
    const scope = effectScope(true)
    const ids = scope.run(() => useLiveQuery(() => getDeckIds(source)))!
    entry = { ids, users: 0, stop: () => scope.stop() }
    entries.set(key, entry)
  }
  entry.users++
  return entry
}

function release(source: DeckSource, entry: Entry): void {
  if (--entry.users > 0)
    return
  entry.stop()
  const key = deckSourceKey(source)
  if (entries.get(key) === entry)
    entries.delete(key)
}

/** Starts (or joins) a deck's ids query and keeps it `ms` for a page about to show it; answers its ids ref. */
export function holdDeckIds(source: DeckSource, ms: number): Ref<string[] | undefined> {
  const entry = acquire(source)
  setTimeout(() => release(source, entry), ms)
  return entry.ids
}

/** A deck's ids, live and shared; the previous deck's ids stay until the new deck answers, so nothing flickers. */
export function useSharedDeckIds(source: () => DeckSource): Ref<string[] | undefined> {
  const out = shallowRef<string[] | undefined>()
  let held: { source: DeckSource, entry: Entry } | undefined
  let stopCopy: (() => void) | undefined
  watch(() => deckSourceKey(toValue(source)), () => {
    const next = toValue(source)
    const entry = acquire(next)
    stopCopy?.()
    if (held)
      release(held.source, held.entry)
    held = { source: next, entry }
    stopCopy = watch(entry.ids, (ids) => {
      if (ids !== undefined)
        out.value = ids
    }, { immediate: true, flush: 'sync' })
  }, { immediate: true })
  if (getCurrentScope()) {
    onScopeDispose(() => {
      stopCopy?.()
      if (held)
        release(held.source, held.entry)
      held = undefined
    })
  }
  return out
}
