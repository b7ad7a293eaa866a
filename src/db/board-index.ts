import type { PlanRow } from './plans'
import type { BoardIndexRow } from '~/domain/board-index'
import type { Plan } from '~/domain/plan'
import { markNewest, spliceBoardIndex } from '~/domain/board-index'
import { earliestDeadline } from '~/domain/deadline'
import { db } from './db'
import { themeDeckKey } from './deck-index'
import { comparePlans } from './plans'

/** A plan as the board index counts it: each point's themes and earliest deadline. */
function groupPlan(plan: Plan) {
  return { id: plan.id, title: plan.title, year: plan.year, points: plan.sections.flatMap(s => s.points.map(p => ({ themes: p.themes, deadline: earliestDeadline(p) }))) }
}

/** Every theme's board rows from all the plans stored (replacePlanData writes them with the theme decks). */
export function buildBoardIndex(plans: readonly Plan[]): BoardIndexRow[] {
  const sorted = [...plans].sort(comparePlans)
  return markNewest(spliceBoardIndex([], new Set(), sorted.map(groupPlan), sorted.map(p => p.id), themeDeckKey), sorted)
}

/**
 * The stored board rows after some plans changed (imported or deleted on this device), inside the caller's
 * transaction: `plans` are all plan rows after the change, `added` the changed plans' new editions.
 */
export async function spliceStoredBoardIndex(changedPlanIds: ReadonlySet<string>, added: readonly Plan[], plans: readonly PlanRow[]): Promise<void> {
  const rows = await db.boardIndex.toArray()
  // Data stored before the index has no rows: leave it so, the board then counts from the plan rows.
  if (rows.length === 0 && await db.deckIndex.count() > 0)
    return
  const order = [...plans].sort(comparePlans).map(p => p.id)
  const next = markNewest(spliceBoardIndex(rows, changedPlanIds, added.map(groupPlan), order, themeDeckKey), plans)
  await db.boardIndex.clear()
  await db.boardIndex.bulkPut(next)
}
