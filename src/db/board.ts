import type { PointRow } from './points'
import type { Board, BoardPoint } from '~/domain/board'
import Dexie from 'dexie'
import { computeBoard, newestStatuses } from '~/domain/board'
import { currentPlanIds } from '~/domain/plan-currency'
import { boardPointsFromPlans } from './board-points'
import { db } from './db'
import { currentOwner } from './owner'
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

/** The board of a scope, read from IndexedDB (works offline); the viewer's own check-ins, and the unit's beside them. */
export async function getBoardData(scope: BoardScope, today: Date = new Date()): Promise<BoardData> {
  const [ids, plans, latest, viewer, title] = await Promise.all([scopeIds(scope), db.plans.toArray(), getLatestCheckins(), currentOwner(), scopeTitle(scope)])
  const byPlan = scope.kind !== 'plan'
  const current = currentPlanIds(plans, today)
  const inScope = scope.kind === 'plan' ? plans.filter(p => p.id === scope.id) : plans
  const points = boardPointsFromPlans(ids, inScope, byPlan, current)
    ?? toBoardPoints((await db.points.bulkGet(ids)).filter((p): p is PointRow => p !== undefined), byPlan, current)
  const own = new Map([...latest].map(([id, c]) => [id, c.status]))
  const mine = computeBoard(points, own, today)
  const colleagues = await db.colleagueCheckins
    .where('[viewer+pointId+createdAt]')
    .between([viewer, Dexie.minKey, Dexie.minKey], [viewer, Dexie.maxKey, Dexie.maxKey])
    .toArray()
  if (colleagues.length === 0)
    return { title, mine }
  const unit = computeBoard(points, newestStatuses([...latest.values(), ...colleagues.filter(c => c.author !== viewer)]), today)
  return { title, mine, unit }
}
