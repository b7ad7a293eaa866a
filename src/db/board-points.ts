import type { PlanRow } from './plans'
import type { BoardPoint } from '~/domain/board'
import type { FilterPoint } from '~/domain/point-filter'

/**
 * The board's points from the plan rows alone (their sections keep each point's id and earliest deadline): reading
 * 100,000 point rows to count them took tens of seconds, reading the plan rows takes milliseconds. A plan's board
 * groups by section; a theme's or a unit's (points from many plans) by plan, numbered in order of first appearance.
 * Undefined when a point is not found or a plan row predates the stored deadlines: the caller reads the points.
 */
export function boardPointsFromPlans(ids: readonly string[], plans: readonly PlanRow[], byPlan: boolean, current: ReadonlySet<string>): BoardPoint[] | undefined {
  const where = new Map<string, { plan: PlanRow, section: PlanRow['sections'][number], deadline: string | null }>()
  // Only the plans the ids can be in: for a plan's board, one.
  for (const plan of plans) {
    for (const section of plan.sections) {
      const deadlines = section.deadlines
      if (!deadlines || deadlines.length !== section.pointIds.length)
        continue
      section.pointIds.forEach((id, i) => where.set(id, { plan, section, deadline: deadlines[i] ?? null }))
    }
  }
  const planNo = new Map<string, number>()
  const out: BoardPoint[] = []
  for (const id of ids) {
    const found = where.get(id)
    if (!found)
      return undefined
    const { plan, section, deadline } = found
    let no = section.no
    if (byPlan) {
      no = planNo.get(plan.id) ?? planNo.size
      planNo.set(plan.id, no)
    }
    out.push({ id, sectionNo: no, sectionTitle: byPlan ? plan.title : section.title, deadline, current: current.has(plan.id) })
  }
  return out
}

/**
 * 我的单位's board points from its list's points (list-facts.ts): the ones the unit's deck holds (its units named, not
 * only a 泛指 phrase), grouped by plan as boardPointsFromPlans does.
 */
export function unitBoardPoints(points: readonly FilterPoint[], plans: readonly { id: string, title: string }[], current: ReadonlySet<string>): BoardPoint[] {
  const titles = new Map(plans.map(p => [p.id, p.title]))
  const planNo = new Map<string, number>()
  return points.filter(p => p.role !== 'collective').map((p) => {
    const no = planNo.get(p.planId) ?? planNo.size
    planNo.set(p.planId, no)
    return { id: p.id, sectionNo: no, sectionTitle: titles.get(p.planId) ?? '', deadline: p.deadline, current: current.has(p.planId) }
  })
}
