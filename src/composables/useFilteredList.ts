import type { ComputedRef, MaybeRefOrGetter, Ref } from 'vue'
import type { DeckSource } from '~/domain/deck'
import type { FacetCounts, FilterPoint, FilterRow, PointFilter } from '~/domain/point-filter'
import { computed, getCurrentInstance, toValue } from 'vue'
import { onBeforeRouteLeave } from 'vue-router'
import { getListPoints, getUnitDirectory } from '~/db/list-rows'
import { getLatestCheckins } from '~/db/queries'
import { deckSourceKey } from '~/domain/deck'
import { applyFilter, facetCounts, isEmptyFilter, toFilterRows } from '~/domain/point-filter'
import { useLiveQuery } from './useLiveQuery'
import { useCurrentPlanIds } from './usePlanCurrency'
import { useDeckIds } from './usePoints'

const NO_DECK: DeckSource = { kind: 'ids', ids: [] }

export interface FilteredList {
  /** Every point of the base deck with its filter facts; undefined while loading. */
  rows: ComputedRef<FilterRow[] | undefined>
  /** The ids the filter keeps, in the deck's order. */
  ids: ComputedRef<string[] | undefined>
  facets: ComputedRef<FacetCounts | undefined>
}

/**
 * A deck's points as a filterable list. IndexedDB is read when the deck, the data or the check-ins change; a filter
 * change only re-runs the pure filter and counts over the rows in memory.
 */
export function useFilteredList(base: MaybeRefOrGetter<DeckSource>, filter: MaybeRefOrGetter<PointFilter>): FilteredList {
  const src = computed(() => toValue(base))
  // 我的单位 reads its points itself (one scan); every other deck starts from its ids (search through the index).
  const baseIds = useDeckIds(() => (src.value.kind === 'unit' ? NO_DECK : src.value))
  // Leaving the page stops the read at once, not when the next page has loaded and mounted: until then its
  // remaining chunks would hold the main thread the next page needs.
  const leaving = new AbortController()
  if (getCurrentInstance())
    onBeforeRouteLeave(() => leaving.abort())
  const points = useLiveQuery<FilterPoint[] | undefined>(
    signal => getListPoints(src.value, baseIds.value, AbortSignal.any([signal, leaving.signal])),
    [() => deckSourceKey(src.value), baseIds],
  )
  // The query every card shares (usePlanCurrency): a deck page reads all plan rows once, not once per user.
  const current = useCurrentPlanIds()
  // Undefined until read (useLatestCheckins answers an empty map meanwhile): rows built before the check-ins are in
  // would filter 我的进展 on "no check-ins", and a deck that freezes its first ids (DeckPage) would keep that answer.
  const latest = useLiveQuery(getLatestCheckins)
  const rows = computed(() => {
    if (!points.value || !current.value || !latest.value)
      return undefined
    return toFilterRows(points.value, current.value, latest.value, new Date())
  })
  const matched = computed(() => rows.value && applyFilter(rows.value, toValue(filter)))
  return {
    rows,
    // No filter keeps the whole base deck, in its order: the list shows as soon as the deck's ids are read, not
    // after every point's facts (seconds for 100,000 points on a phone), which only the filter bar's counts need.
    ids: computed(() => matched.value?.map(r => r.id) ?? (src.value.kind !== 'unit' && isEmptyFilter(toValue(filter)) ? baseIds.value : undefined)),
    facets: computed(() => rows.value && facetCounts(rows.value, toValue(filter))),
  }
}

/** Units named on the points, most often first (only read while the 我的单位 picker is open). */
export function useUnitDirectory(active: MaybeRefOrGetter<boolean>): Ref<{ unit: string, count: number }[] | undefined> {
  return useLiveQuery(async () => (toValue(active) ? getUnitDirectory() : []), [() => toValue(active)])
}
