import type { MaybeRefOrGetter, Ref } from 'vue'
import type { ColleagueCheckinRow } from '~/db/colleague-checkins'
import Dexie from 'dexie'
import { toValue } from 'vue'
import { db } from '~/db/db'
import { currentOwner } from '~/db/owner'
import { useLiveQuery } from './useLiveQuery'

/** Each colleague's newest check-in, newest first (ties broken by id, which is time-ordered UUIDv7). */
export function latestPerAuthor(rows: readonly ColleagueCheckinRow[]): ColleagueCheckinRow[] {
  // Times are compared as instants: the server may write an offset where the device wrote Z.
  const newer = (a: ColleagueCheckinRow, b: ColleagueCheckinRow) => {
    const d = Date.parse(a.createdAt) - Date.parse(b.createdAt)
    return d !== 0 ? d > 0 : a.id > b.id
  }
  const newest = new Map<string, ColleagueCheckinRow>()
  for (const row of rows) {
    const seen = newest.get(row.author)
    if (!seen || newer(row, seen))
      newest.set(row.author, row)
  }
  return [...newest.values()].sort((a, b) => (newer(a, b) ? -1 : 1))
}

/**
 * Colleagues' check-ins on a point as pulled (read-only) for the signed-in account, latest per author, newest
 * first; never the viewer's own, and nothing while signed out.
 */
export function useUnitCheckins(pointId: MaybeRefOrGetter<string>): Ref<ColleagueCheckinRow[]> {
  return useLiveQuery(async () => {
    const id = toValue(pointId)
    const viewer = await currentOwner()
    const rows = await db.colleagueCheckins
      .where('[viewer+pointId+createdAt]')
      .between([viewer, id, Dexie.minKey], [viewer, id, Dexie.maxKey])
      .toArray()
    return latestPerAuthor(rows.filter(row => row.author !== viewer))
  }, [() => toValue(pointId)], [])
}
