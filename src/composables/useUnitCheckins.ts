import type { MaybeRefOrGetter, Ref } from 'vue'
import type { UnitCheckinRow } from '~/db/unit-checkins'
import Dexie from 'dexie'
import { toValue } from 'vue'
import { db } from '~/db/db'
import { useLiveQuery } from './useLiveQuery'

/** Each colleague's newest check-in, newest first (ties broken by id, which is time-ordered UUIDv7). */
export function latestPerAuthor(rows: readonly UnitCheckinRow[]): UnitCheckinRow[] {
  // Times are compared as instants: the server may write an offset where the device wrote Z.
  const newer = (a: UnitCheckinRow, b: UnitCheckinRow) => {
    const d = Date.parse(a.createdAt) - Date.parse(b.createdAt)
    return d !== 0 ? d > 0 : a.id > b.id
  }
  const newest = new Map<string, UnitCheckinRow>()
  for (const row of rows) {
    const seen = newest.get(row.author)
    if (!seen || newer(row, seen))
      newest.set(row.author, row)
  }
  return [...newest.values()].sort((a, b) => (newer(a, b) ? -1 : 1))
}

/** Colleagues' check-ins on a point (pulled read-only by sync), latest per author, newest first. */
export function useUnitCheckins(pointId: MaybeRefOrGetter<string>): Ref<UnitCheckinRow[]> {
  return useLiveQuery(async () => {
    const id = toValue(pointId)
    const rows = await db.unitCheckins.where('[pointId+createdAt]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray()
    return latestPerAuthor(rows)
  }, [() => toValue(pointId)], [])
}
