import type { MaybeRefOrGetter, Ref } from 'vue'
import type { PointRow } from '~/db/points'
import type { FavoriteSort } from '~/db/queries'
import { toValue } from 'vue'
import { getFavoriteIds, getFavoritePoints } from '~/db/queries'
import { useLiveQuery } from './useLiveQuery'

/** Ids of favorited points (empty until loaded). */
export function useFavoriteIds(): Ref<Set<string>> {
  return useLiveQuery(getFavoriteIds, undefined, new Set<string>())
}

/** Favorited points sorted by deadline (none last) or by when they were added (newest first). */
export function useFavoritePoints(sort: MaybeRefOrGetter<FavoriteSort> = 'deadline'): Ref<PointRow[] | undefined> {
  return useLiveQuery(() => getFavoritePoints(toValue(sort)), [() => toValue(sort)])
}
