import type { Plan, PlanLevel, WorkPoint } from '~/domain/plan'
import { earliestDeadline } from '~/domain/deadline'
import { linkTargets } from '~/domain/reverse-relations'
import { LEVEL_ORDER } from './plans'

export { earliestDeadline }

/** A work point with the plan context a card needs, denormalised so one read draws a card. */
export interface PointRow extends WorkPoint {
  planId: string
  planTitle: string
  region: string
  level: PlanLevel
  year: number | null
  sectionNo: number
  sectionTitle: string
  /** Position within the plan across sections (0-based); indexed with planId. */
  order: number
  /** Earliest deadline (ISO date) or null; null is left out of the deadline index. */
  deadline: string | null
  /** The ids this point names as 上级要点 or 上年要点, multi-entry indexed: the opposite directions (下级落实, 下年要点) are one index lookup. */
  linksTo: string[]
}

/** Flattens a plan's sections into point rows in reading order. */
export function toPointRows(plan: Plan): PointRow[] {
  const rows: PointRow[] = []
  for (const section of plan.sections) {
    for (const point of section.points) {
      rows.push({
        ...point,
        planId: plan.id,
        planTitle: plan.title,
        region: plan.region,
        level: plan.level,
        year: plan.year,
        sectionNo: section.no,
        sectionTitle: section.title,
        order: rows.length,
        deadline: earliestDeadline(point),
        linksTo: linkTargets(point),
      })
    }
  }
  return rows
}

/** Reading order across plans: level, year (newest first), plan, then position in the plan. */
export function comparePointsByPlan(a: PointRow, b: PointRow): number {
  return LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]
    || (b.year ?? 0) - (a.year ?? 0)
    || (a.planId < b.planId ? -1 : a.planId > b.planId ? 1 : 0)
    || a.order - b.order
}

/** Earliest deadline first; points without one go last, then reading order. */
export function comparePointsByDeadline(a: PointRow, b: PointRow): number {
  if (a.deadline !== b.deadline) {
    if (a.deadline === null)
      return 1
    if (b.deadline === null)
      return -1
    return a.deadline < b.deadline ? -1 : 1
  }
  return comparePointsByPlan(a, b)
}
