import type { Plan } from './plan'
import { currentPlanIds } from './plan-currency'

/**
 * What 首页's plan list shows of a plan. The build ships these for the build's plans (virtual:plan-data), so the list
 * is drawn on the first frame, prerendered and on the client alike, before IndexedDB answers.
 */
export interface PlanSummary extends Pick<Plan, 'id' | 'title' | 'level' | 'year' | 'region' | 'origin' | 'series'> {
  sectionCount: number
  pointCount: number
}

type SummarySource = Pick<Plan, 'id' | 'title' | 'level' | 'year' | 'region' | 'origin' | 'series'> & {
  /** Points inline (plan data) or by id (a stored plan row). */
  sections: readonly ({ points: readonly unknown[] } | { pointIds: readonly unknown[] })[]
}

export function summarizePlan(plan: SummarySource): PlanSummary {
  const { id, title, level, year, region, origin, series } = plan
  const pointCount = plan.sections.reduce((n, s) => n + ('points' in s ? s.points.length : s.pointIds.length), 0)
  return { id, title, level, year, region, origin, series, sectionCount: plan.sections.length, pointCount }
}

/** The summaries with their 往年 mark, as the plan list draws them. */
export function markPastPlans(plans: readonly PlanSummary[], today: Date = new Date()): (PlanSummary & { past: boolean })[] {
  const current = currentPlanIds(plans, today)
  return plans.map(p => ({ ...p, past: !current.has(p.id) }))
}
