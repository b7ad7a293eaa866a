import type { MaybeRefOrGetter, Ref } from 'vue'
import type { PointRow } from '~/db/points'
import type { DeckSource } from '~/domain/deck'
import { computed, toValue } from 'vue'
import { getFavoritePoints, getPlanPoints, getPoint, getPointsByIds, getThemePoints } from '~/db/queries'
import { deckSourceKey } from '~/domain/deck'
import { useLiveQuery } from './useLiveQuery'
import { useSearch } from './useSearch'

/** One point, live. */
export function usePoint(id: MaybeRefOrGetter<string>): Ref<PointRow | undefined> {
  return useLiveQuery(() => getPoint(toValue(id)), [() => toValue(id)])
}

/** Points by id in the given order (missing ids skipped), live. */
export function usePointsByIds(ids: MaybeRefOrGetter<string[]>): Ref<PointRow[] | undefined> {
  return useLiveQuery(() => getPointsByIds(toValue(ids)), [() => toValue(ids).join('\n')])
}

function queryDeck(source: DeckSource): Promise<PointRow[]> {
  switch (source.kind) {
    case 'theme':
      return getThemePoints(source.id)
    case 'plan':
      return getPlanPoints(source.id, source.sectionNo)
    case 'favorites':
      return getFavoritePoints(source.sort ?? 'deadline')
    case 'ids':
      return getPointsByIds(source.ids)
    case 'search':
      return Promise.resolve([]) // served by useSearch, which is not a liveQuery
  }
}

/** The points of a card deck; undefined while loading. */
export function useDeckPoints(source: MaybeRefOrGetter<DeckSource>): Ref<PointRow[] | undefined> {
  const src = computed(() => toValue(source))
  const key = computed(() => deckSourceKey(src.value))
  const live = useLiveQuery(() => queryDeck(src.value), [key])
  const search = useSearch(() => (src.value.kind === 'search' ? src.value.q : ''), { debounceMs: 0 })
  return computed(() => {
    if (src.value.kind !== 'search')
      return live.value
    return search.searching.value ? undefined : search.results.value
  })
}
