import type { Subscription } from 'dexie'
import type { MaybeRefOrGetter, Ref } from 'vue'
import type { PointRow } from '~/db/points'
import type { DeckSource } from '~/domain/deck'
import { liveQuery } from 'dexie'
import { computed, getCurrentScope, onScopeDispose, shallowRef, toValue, watch } from 'vue'
import { getPoint, getPointsByIds } from '~/db/queries'
import { useSharedDeckIds } from './deck-ids-cache'
import { useLiveQuery } from './useLiveQuery'
import { useSearchIds } from './useSearch'

/** One point, live. */
export function usePoint(id: MaybeRefOrGetter<string>): Ref<PointRow | undefined> {
  return useLiveQuery(() => getPoint(toValue(id)), [() => toValue(id)])
}

/** One point, live: undefined while reading, null when no point has this id (unknown, or removed with its plan). */
export function usePointLookup(id: MaybeRefOrGetter<string>): Ref<PointRow | null | undefined> {
  return useLiveQuery(async () => (await getPoint(toValue(id))) ?? null, [() => toValue(id)])
}

/** Points by id in the given order (missing ids skipped), live. */
export function usePointsByIds(ids: MaybeRefOrGetter<string[]>): Ref<PointRow[] | undefined> {
  return useLiveQuery(() => getPointsByIds(toValue(ids)), [() => toValue(ids).join('\n')])
}

/**
 * The ids of a card deck, in order; undefined while loading. Decks hold ids only: a deck of 100,000 points costs a
 * list of strings, and the cards on screen are read by useDeckWindow.
 */
export function useDeckIds(source: MaybeRefOrGetter<DeckSource>): Ref<string[] | undefined> {
  const src = computed(() => toValue(source))
  const live = useSharedDeckIds(() => src.value)
  const search = useSearchIds(() => (src.value.kind === 'search' ? src.value.q : ''), { debounceMs: 0 })
  return computed(() => {
    if (src.value.kind !== 'search')
      return live.value
    return search.searching.value ? undefined : search.results.value
  })
}

let seeded: { rows: Map<string, PointRow>, at: number } | undefined
/** How long rows read ahead for a deck stay good: the page they were read for opens within this. */
const SEED_MS = 10_000

/** Hands rows read ahead (before the deck's code loaded) to the deck window that will show them. */
export function seedDeckRows(rows: PointRow[]): void {
  seeded = { rows: new Map(rows.map(r => [r.id, r])), at: Date.now() }
}

function takeSeededRows(ids: string[]): Map<string, PointRow> {
  const seed = seeded
  seeded = undefined
  const out = new Map<string, PointRow>()
  if (seed && Date.now() - seed.at < SEED_MS) {
    for (const id of ids) {
      const row = seed.rows.get(id)
      if (row)
        out.set(id, row)
    }
  }
  return out
}

/** Rows read again answer equal objects; a card keeps the object it drew with unless its row really changed. */
function sameRow(a: PointRow, b: PointRow): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

/** Runs `fn` after the next frame is drawn (soon, where there are no frames). */
const afterNextFrame: (fn: () => void) => void = typeof requestAnimationFrame === 'function'
  ? fn => requestAnimationFrame(() => setTimeout(fn, 0))
  : fn => setTimeout(fn, 0)

/**
 * The rows of the cards in view (a window of a deck's ids), live; keyed by id. A move to a neighbour finds its row
 * already here, so nothing is read on the frame of the move: the window's live query moves after that frame, and
 * its answer keeps the row objects that did not change, so the cards already drawn are not drawn again.
 */
export function useDeckWindow(ids: MaybeRefOrGetter<string[]>): Ref<Map<string, PointRow>> {
  // Rows read ahead for this window (deck-prefetch.ts) draw the first card at once; the live query follows.
  const rows = shallowRef(takeSeededRows(toValue(ids)))
  let subscription: Subscription | undefined
  let wanted = ''
  const follow = (window: string[]) => {
    subscription?.unsubscribe()
    subscription = liveQuery(() => getPointsByIds(window)).subscribe({
      next: (answer) => {
        const old = rows.value
        const next = new Map<string, PointRow>()
        let changed = answer.length !== old.size
        for (const row of answer) {
          const kept = old.get(row.id)
          next.set(row.id, kept && sameRow(kept, row) ? kept : row)
          changed ||= next.get(row.id) !== kept
        }
        if (changed)
          rows.value = next
      },
      error: (e: unknown) => console.error('[useDeckWindow]', e),
    })
  }
  watch(() => toValue(ids).join('\n'), (key) => {
    wanted = key
    const window = toValue(ids)
    if (window.some(id => rows.value.has(id))) {
      // A move to a neighbour: its row is here already, so the new window is read once this frame is out.
      afterNextFrame(() => {
        if (wanted === key)
          follow(window)
      })
      return
    }
    follow(window)
  }, { immediate: true })
  if (getCurrentScope()) {
    onScopeDispose(() => {
      subscription?.unsubscribe()
      subscription = undefined
    })
  }
  return rows
}
