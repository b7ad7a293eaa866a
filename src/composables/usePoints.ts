import type { MaybeRefOrGetter, Ref } from 'vue'
import type { PointRow } from '~/db/points'
import type { DeckSource } from '~/domain/deck'
import { computed, toValue } from 'vue'
import { getDeckIds, getPoint, getPointsByIds } from '~/db/queries'
import { deckSourceKey } from '~/domain/deck'
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
  const key = computed(() => deckSourceKey(src.value))
  const live = useLiveQuery(() => getDeckIds(src.value), [key])
  const search = useSearchIds(() => (src.value.kind === 'search' ? src.value.q : ''), { debounceMs: 0 })
  return computed(() => {
    if (src.value.kind !== 'search')
      return live.value
    return search.searching.value ? undefined : search.results.value
  })
}

/** The rows of the cards in view (a window of a deck's ids), live; keyed by id. */
export function useDeckWindow(ids: MaybeRefOrGetter<string[]>): Ref<Map<string, PointRow>> {
  const rows = useLiveQuery(async () => new Map((await getPointsByIds(toValue(ids))).map(p => [p.id, p] as const)), [() => toValue(ids).join('\n')])
  return computed(() => rows.value ?? new Map())
}
