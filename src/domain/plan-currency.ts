/**
 * Which plans are current: a plan is current while its year is the newest of its series (same region and kind) or
 * the present year. Older plans are 往年: browsable, but kept out of 临近截止 and reminders by default, since the next
 * year's plan replaced them. Pure: the clock is a parameter.
 */

export interface PlanForCurrency {
  id: string
  year: number | null
  region: string
  /** Region plus kind, e.g. `hunan-zwgk`; older data may lack it. */
  series?: string
}

/** The series of a plan; data stored before `series` existed falls back to the id without its year. */
export function seriesOf(plan: PlanForCurrency): string {
  return plan.series ?? plan.id.replace(/-(?:\d{4}|nd)(?=-|$)/, '')
}

/** Ids of the current plans among `plans` on `today` (local calendar year). A plan with no year is always current. */
export function currentPlanIds(plans: readonly PlanForCurrency[], today: Date = new Date()): Set<string> {
  const presentYear = today.getFullYear()
  const newest = new Map<string, number>()
  for (const p of plans) {
    if (p.year === null)
      continue
    const s = seriesOf(p)
    newest.set(s, Math.max(newest.get(s) ?? Number.NEGATIVE_INFINITY, p.year))
  }
  const current = new Set<string>()
  for (const p of plans) {
    if (p.year === null || p.year >= presentYear || p.year === newest.get(seriesOf(p)))
      current.add(p.id)
  }
  return current
}

/** 往年 when a newer plan of the same series exists and the plan's year is past. */
export function isPastPlan(plan: PlanForCurrency, plans: readonly PlanForCurrency[], today: Date = new Date()): boolean {
  return !currentPlanIds(plans, today).has(plan.id)
}
