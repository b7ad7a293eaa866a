import type { PlanLevel } from './plan'

/**
 * The order and the counts of 临近截止, from index keys only: the points of current plans that have a deadline and
 * are not 已完成, earliest deadline first (so the overdue ones lead), then in reading order (province first,
 * newest year, plan, position). The home list and the deck it opens both take this order. Pure.
 */

export interface PlanForDue {
  id: string
  level: PlanLevel
  year: number | null
  sections: { pointIds: string[] }[]
}

export interface DeadlineGroup {
  /** ISO date shared by the group. */
  deadline: string
  ids: string[]
}

export interface DueOrder {
  ids: string[]
  /** How many of `ids` are past their deadline. */
  overdue: number
}

const LEVEL_RANK: Record<PlanLevel, number> = { national: 0, province: 1, city: 2, county: 3, town: 4, department: 5 }

/** Reading rank of every point of the `current` plans (absent: the point's plan is 往年 or unknown). */
export function readingRanks(plans: readonly PlanForDue[], current: ReadonlySet<string>): Map<string, number> {
  const ordered = plans.filter(p => current.has(p.id)).sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]
    || (b.year ?? 0) - (a.year ?? 0)
    || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const rank = new Map<string, number>()
  for (const plan of ordered) {
    for (const s of plan.sections) {
      for (const id of s.pointIds)
        rank.set(id, rank.size)
    }
  }
  return rank
}

/**
 * Orders due ids: `groups` come from the deadline index (one per date, dates ascending); ids outside `rank` (往年
 * plans) and in `done` are left out; a date before `todayIso` is overdue.
 */
export function orderDueIds(groups: readonly DeadlineGroup[], rank: ReadonlyMap<string, number>, done: ReadonlySet<string>, todayIso: string): DueOrder {
  const ids: string[] = []
  let overdue = 0
  for (const g of [...groups].sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0))) {
    const kept = g.ids.filter(id => rank.has(id) && !done.has(id)).sort((a, b) => rank.get(a)! - rank.get(b)!)
    ids.push(...kept)
    if (g.deadline < todayIso)
      overdue += kept.length
  }
  return { ids, overdue }
}
