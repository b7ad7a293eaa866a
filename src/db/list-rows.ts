import type { PointRow } from './points'
import type { DeckSource } from '~/domain/deck'
import type { FilterPoint } from '~/domain/point-filter'
import type { CheckinStatus } from '~/domain/progress'
import { currentPlanIds } from '~/domain/plan-currency'
import { applyFilter, toFilterRows } from '~/domain/point-filter'
import { isCollectiveUnit, qualifyUnit, unitMatcher, unitRole } from '~/domain/unit-match'
import { db } from './db'
import { directoryOf, idsFilterPoints, unitDirectoryFromFacts, unitFilterPoints } from './list-facts'
import { readFactPlans, readUnitFactPlans } from './plan-facts'
import { comparePointsByPlan } from './points'

// Point lists (/list): the facts their filters need, read once per data change; filtering and counting then run
// in memory (src/domain/point-filter.ts), so a tap on a filter never touches IndexedDB.

function toFilterPoint(p: PointRow, role?: FilterPoint['role']): FilterPoint {
  return {
    id: p.id,
    planId: p.planId,
    level: p.level,
    region: p.region,
    leads: p.leadUnits.map(u => qualifyUnit(u, p)),
    deadline: p.deadline,
    ...(role ? { role } : {}),
  }
}

/**
 * Points decoded per IndexedDB request. A request's decoding is one task the page cannot interrupt: reading a
 * 100,000-point deck in one request held the main thread for seconds, so a tap on 进度看板 or 返回 waited for it.
 */
export const READ_CHUNK = 500

/** Every stored point, READ_CHUNK at a time in key order, to `visit`; false when `signal` aborted the read. */
async function eachPointChunk(visit: (rows: PointRow[]) => void, signal?: AbortSignal): Promise<boolean> {
  let chunk: PointRow[] = []
  do {
    if (signal?.aborted)
      return false
    const last = chunk.at(-1)?.id
    chunk = await (last === undefined ? db.points.limit(READ_CHUNK) : db.points.where(':id').above(last).limit(READ_CHUNK)).toArray()
    visit(chunk)
  } while (chunk.length === READ_CHUNK)
  return true
}

/**
 * 我的单位: from the plans' kept facts (one row per plan); for data stored before them, every point is read, matched,
 * and kept in reading order.
 */
async function unitPoints(unit: string, signal?: AbortSignal): Promise<FilterPoint[] | undefined> {
  const m = unitMatcher(unit)
  if (!m.canonical)
    return []
  const kept = await readUnitFactPlans(m)
  if (kept)
    return signal?.aborted ? undefined : unitFilterPoints(kept.plans, m)
  const hits: { row: PointRow, role: FilterPoint['role'] }[] = []
  const read = await eachPointChunk((rows) => {
    for (const row of rows) {
      const role = unitRole(row, m)
      if (role)
        hits.push({ row, role })
    }
  }, signal)
  if (!read)
    return undefined
  return hits.sort((a, b) => comparePointsByPlan(a.row, b.row)).map(h => toFilterPoint(h.row, h.role))
}

/** The facts of a list's points in the deck's order: `ids` is the base deck's ids (not needed for 我的单位). */
export async function getListPoints(base: DeckSource, ids: readonly string[] | undefined, signal?: AbortSignal): Promise<FilterPoint[] | undefined> {
  if (base.kind === 'unit')
    return unitPoints(base.unit, signal)
  if (ids === undefined)
    return undefined
  const plans = await readFactPlans()
  if (plans)
    return signal?.aborted ? undefined : idsFilterPoints(plans, ids)
  const points: FilterPoint[] = []
  for (let i = 0; i < ids.length; i += READ_CHUNK) {
    // The list was left (its query unsubscribed): the rest would only keep the next page waiting.
    if (signal?.aborted)
      return undefined
    for (const p of await db.points.bulkGet(ids.slice(i, i + READ_CHUNK))) {
      if (p)
        points.push(toFilterPoint(p))
    }
  }
  return points
}

/** Units named on the points (with their region), most often named first: the 我的单位 picker offers them. */
export async function getUnitDirectory(): Promise<{ unit: string, count: number }[]> {
  const plans = await readFactPlans()
  if (plans)
    return unitDirectoryFromFacts(plans)
  const counts = new Map<string, number>()
  await eachPointChunk((rows) => {
    for (const p of rows) {
      const seen = new Set([...p.leadUnits, ...p.partnerUnits].filter(u => !isCollectiveUnit(u)).map(u => qualifyUnit(u, p)))
      for (const u of seen)
        counts.set(u, (counts.get(u) ?? 0) + 1)
    }
  })
  return directoryOf(counts)
}

type LatestStatuses = () => Promise<ReadonlyMap<string, { status: CheckinStatus }>>

/**
 * A 我的单位 or filtered deck's ids, for callers that only have a DeckSource. `baseIds` answers the base deck and
 * `latest` the owner's latest check-ins (queries.ts passes its own, which import this module); search decks have
 * no ids here, as in getDeckIds.
 */
export async function getListDeckIds(source: DeckSource, baseIds: (source: DeckSource) => Promise<string[]>, latest: LatestStatuses, today: Date = new Date()): Promise<string[]> {
  const rows = async (base: DeckSource, ids: string[] | undefined) => {
    const [points, plans, statuses] = await Promise.all([getListPoints(base, ids), db.plans.toArray(), latest()])
    return toFilterRows(points ?? [], currentPlanIds(plans, today), statuses, today)
  }
  if (source.kind === 'unit')
    return applyFilter(await rows(source, undefined), {}).map(r => r.id)
  if (source.kind !== 'filtered')
    return baseIds(source)
  const ids = source.base.kind === 'unit' ? undefined : await baseIds(source.base)
  return applyFilter(await rows(source.base, ids), source.filter).map(r => r.id)
}
