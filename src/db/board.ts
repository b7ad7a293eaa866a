import type { PointRow } from './points'
import type { Board, BoardPoint } from '~/domain/board'
import Dexie from 'dexie'
import { computeBoard, newestStatuses } from '~/domain/board'
import { boardFromIndex } from '~/domain/board-index'
import { currentPlanIds } from '~/domain/plan-currency'
import { unitMatcher } from '~/domain/unit-match'
import { boardPointsFromPlans, unitBoardPoints } from './board-points'
import { db } from './db'
import { themeDeckKey } from './deck-index'
import { unitFilterPoints } from './list-facts'
import { currentOwner } from './owner'
import { readUnitFactPlans } from './plan-facts'
import { getDeckIds, getLatestCheckins } from './queries'

/** Which points a board counts: a plan's, a theme's, or 我的单位's. */
export type BoardScope = { kind: 'plan', id: string } | { kind: 'theme', id: string } | { kind: 'unit', unit: string }

export interface BoardData {
  /** The plan's or theme's name, or the unit ('' when the plan or theme is not stored). */
  title: string
  mine: Board
  /** With colleagues' pulled check-ins (signed in and some pulled); undefined otherwise. */
  unit?: Board
}

async function scopeIds(scope: BoardScope): Promise<string[]> {
  if (scope.kind === 'unit')
    return scope.unit ? getDeckIds({ kind: 'unit', unit: scope.unit }) : []
  return getDeckIds(scope)
}

async function scopeTitle(scope: BoardScope): Promise<string> {
  if (scope.kind === 'plan')
    return (await db.plans.get(scope.id))?.title ?? ''
  if (scope.kind === 'theme')
    return (await db.themes.get(scope.id))?.name ?? ''
  return scope.unit
}

/** A plan's board groups by section; a theme's or a unit's (points from many plans) groups by plan. */
function toBoardPoints(rows: readonly PointRow[], byPlan: boolean, current: ReadonlySet<string>): BoardPoint[] {
  const planNo = new Map<string, number>()
  return rows.map((p) => {
    let no = p.sectionNo
    if (byPlan) {
      no = planNo.get(p.planId) ?? planNo.size
      planNo.set(p.planId, no)
    }
    return { id: p.id, sectionNo: no, sectionTitle: byPlan ? p.planTitle : p.sectionTitle, deadline: p.deadline, current: current.has(p.planId) }
  })
}

async function colleagueRows(viewer: string) {
  return db.colleagueCheckins
    .where('[viewer+pointId+createdAt]')
    // A prefix range, as getLatestCheckins: [viewer, minKey, minKey] is no valid key in every IndexedDB.
    .between([viewer, Dexie.minKey], [viewer, Dexie.maxKey])
    .toArray()
}

/**
 * A theme's board from its kept counts (src/db/board-index.ts): one small row and the points that have check-ins,
 * never the theme's points. Undefined for data stored before the counts were kept.
 */
async function themeBoardFromIndex(themeId: string, today: Date): Promise<BoardData | undefined> {
  const [row, latest, viewer, title] = await Promise.all([db.boardIndex.get(themeDeckKey(themeId)), getLatestCheckins(), currentOwner(), scopeTitle({ kind: 'theme', id: themeId })])
  if (!row)
    return undefined
  const colleagues = await colleagueRows(viewer)
  const touched = [...new Set([...latest.keys(), ...colleagues.map(c => c.pointId)])]
  const checked = (await db.points.bulkGet(touched))
    .filter((p): p is PointRow => p !== undefined && p.themes.includes(themeId))
    .map(p => ({ id: p.id, planId: p.planId, deadline: p.deadline }))
  const own = new Map([...latest].map(([id, c]) => [id, c.status]))
  const mine = boardFromIndex(row, checked, own, today)
  if (colleagues.length === 0)
    return { title, mine }
  const unit = boardFromIndex(row, checked, newestStatuses([...latest.values(), ...colleagues.filter(c => c.author !== viewer)]), today)
  return { title, mine, unit }
}

/**
 * 我的单位's board points from the plans' kept unit facts: small rows of every plan, whole rows only of the plans that
 * name the unit. Undefined for data stored before the facts.
 */
async function unitBoard(unit: string, today: Date): Promise<BoardPoint[] | undefined> {
  const m = unitMatcher(unit)
  const kept = await readUnitFactPlans(m)
  if (!kept)
    return undefined
  const plans = kept.all.map(f => f.plan)
  return unitBoardPoints(unitFilterPoints(kept.plans, m), plans, currentPlanIds(plans, today))
}

async function scopePoints(scope: BoardScope, today: Date): Promise<BoardPoint[]> {
  const kept = scope.kind === 'unit' && scope.unit ? await unitBoard(scope.unit, today) : undefined
  if (kept)
    return kept
  const [ids, plans] = await Promise.all([scopeIds(scope), db.plans.toArray()])
  const current = currentPlanIds(plans, today)
  const byPlan = scope.kind !== 'plan'
  const inScope = scope.kind === 'plan' ? plans.filter(p => p.id === scope.id) : plans
  return boardPointsFromPlans(ids, inScope, byPlan, current)
    ?? toBoardPoints((await db.points.bulkGet(ids)).filter((p): p is PointRow => p !== undefined), byPlan, current)
}

/** The board of a scope, read from IndexedDB (works offline); the viewer's own check-ins, and the unit's beside them. */
export async function getBoardData(scope: BoardScope, today: Date = new Date()): Promise<BoardData> {
  if (scope.kind === 'theme') {
    const kept = await themeBoardFromIndex(scope.id, today)
    if (kept)
      return kept
  }
  const [points, latest, viewer, title] = await Promise.all([scopePoints(scope, today), getLatestCheckins(), currentOwner(), scopeTitle(scope)])
  const own = new Map([...latest].map(([id, c]) => [id, c.status]))
  const mine = computeBoard(points, own, today)
  const colleagues = await colleagueRows(viewer)
  if (colleagues.length === 0)
    return { title, mine }
  const unit = computeBoard(points, newestStatuses([...latest.values(), ...colleagues.filter(c => c.author !== viewer)]), today)
  return { title, mine, unit }
}
