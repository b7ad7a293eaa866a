import type { FactPlan } from './plan-facts'
import type { FilterPoint } from '~/domain/point-filter'
import type { UnitMatcher } from '~/domain/unit-match'
import { planUnitMatches, planUnitRoles, pointUnitIndexes, qualifiedUnits } from '~/domain/unit-facts'
import { isCollectiveUnit } from '~/domain/unit-match'
import { LEVEL_ORDER } from './plans'

// The lists' point facts from the plans' kept facts (src/db/plan-facts.ts): the same FilterPoints list-rows.ts builds
// from the point rows, in the same order, without reading a point. Pure: the plans come in.

/** comparePointsByPlan's order of plans: level, year (newest first), then id. */
function byReadingOrder(a: FactPlan, b: FactPlan): number {
  return LEVEL_ORDER[a.row.level] - LEVEL_ORDER[b.row.level] || (b.row.year ?? 0) - (a.row.year ?? 0) || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0)
}

/** Runs for each of 100,000 points: plain loops, and one object shape whatever the role. */
function filterPoint(plan: FactPlan, leads: readonly string[], k: number, role?: FilterPoint['role']): FilterPoint {
  const { row, facts: { refs } } = plan
  const at = plan.offsets[k]!
  const names: string[] = []
  for (let j = at + 1; j <= at + refs[at]!; j++)
    names.push(leads[refs[j]!]!)
  const p: FilterPoint = { id: plan.ids[k]!, planId: row.id, level: row.level, region: row.region, leads: names, deadline: plan.deadlines[k] ?? null }
  if (role)
    p.role = role
  return p
}

/** 我的单位's points, in reading order, with how each concerns the unit. */
export function unitFilterPoints(plans: readonly FactPlan[], m: UnitMatcher): FilterPoint[] {
  const out: FilterPoint[] = []
  if (!m.canonical)
    return out
  for (const plan of [...plans].sort(byReadingOrder)) {
    const match = planUnitMatches(plan.row, plan.facts, m)
    // Most plans name nothing of the unit: their points are not looked at.
    if (match.every(b => b === 0))
      continue
    const roles = planUnitRoles(plan.facts, plan.offsets, match)
    const leads = qualifiedUnits(plan.row, plan.facts)
    roles.forEach((role, k) => {
      if (role)
        out.push(filterPoint(plan, leads, k, role))
    })
  }
  return out
}

/**
 * Where each id is: decks list a plan's points in its order, so the point after the last one found is tried first,
 * then the plan the id names (ids are planId-number by contract), and only then a map of every point.
 */
function locator(plans: readonly FactPlan[]): (id: string) => [FactPlan, number] | undefined {
  const byPlanId = new Map(plans.map(p => [p.row.id, p]))
  let last: [FactPlan, number] | undefined
  let all: Map<string, [FactPlan, number]> | undefined
  const within = (plan: FactPlan | undefined, id: string, from: number): [FactPlan, number] | undefined => {
    const k = plan ? plan.ids.indexOf(id, from) : -1
    return k < 0 ? undefined : [plan!, k]
  }
  return (id) => {
    const next = last && last[0].ids[last[1] + 1] === id ? [last[0], last[1] + 1] as [FactPlan, number] : undefined
    last = next ?? within(byPlanId.get(id.slice(0, id.lastIndexOf('-'))), id, 0)
    if (!last) {
      all ??= new Map(plans.flatMap(p => p.ids.map((pid, k): [string, [FactPlan, number]] => [pid, [p, k]])))
      last = all.get(id)
    }
    return last
  }
}

/** The points of `ids`, in their order; ids of no stored plan are left out (as bulkGet's misses are). */
export function idsFilterPoints(plans: readonly FactPlan[], ids: readonly string[]): FilterPoint[] {
  const find = locator(plans)
  const leads = new Map<FactPlan, string[]>()
  const out: FilterPoint[] = []
  for (const id of ids) {
    const at = find(id)
    if (!at)
      continue
    const [plan, k] = at
    let l = leads.get(plan)
    if (!l)
      leads.set(plan, l = qualifiedUnits(plan.row, plan.facts))
    out.push(filterPoint(plan, l, k))
  }
  return out
}

/** Units named on the points (with their region), most often named first, as getUnitDirectory counts them. */
export function unitDirectoryFromFacts(plans: readonly FactPlan[]): { unit: string, count: number }[] {
  const counts = new Map<string, number>()
  for (const plan of plans) {
    const names = qualifiedUnits(plan.row, plan.facts)
    const named = plan.facts.units.map(u => !isCollectiveUnit(u))
    for (const at of plan.offsets) {
      const seen = new Set<string>()
      for (const partners of [false, true]) {
        for (const i of pointUnitIndexes(plan.facts.refs, at, partners)) {
          if (named[i])
            seen.add(names[i]!)
        }
      }
      for (const u of seen)
        counts.set(u, (counts.get(u) ?? 0) + 1)
    }
  }
  return directoryOf(counts)
}

/** The 我的单位 picker's order: most often named first, then by name. */
export function directoryOf(counts: ReadonlyMap<string, number>): { unit: string, count: number }[] {
  return [...counts].map(([unit, count]) => ({ unit, count })).sort((a, b) => b.count - a.count || a.unit.localeCompare(b.unit, 'zh-Hans-CN'))
}
