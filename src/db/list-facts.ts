import type { FactPlan } from './plan-facts'
import type { FilterPoint } from '~/domain/point-filter'
import type { UnitMatcher } from '~/domain/unit-match'
import { planUnitRoles, pointUnitIndexes, qualifiedUnits } from '~/domain/unit-facts'
import { isCollectiveUnit } from '~/domain/unit-match'
import { LEVEL_ORDER } from './plans'

// The lists' point facts from the plans' kept facts (src/db/plan-facts.ts): the same FilterPoints list-rows.ts builds
// from the point rows, in the same order, without reading a point. Pure: the plans come in.

/** comparePointsByPlan's order of plans: level, year (newest first), then id. */
function byReadingOrder(a: FactPlan, b: FactPlan): number {
  return LEVEL_ORDER[a.row.level] - LEVEL_ORDER[b.row.level] || (b.row.year ?? 0) - (a.row.year ?? 0) || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0)
}

function filterPoint(plan: FactPlan, leads: readonly string[], k: number, role?: FilterPoint['role']): FilterPoint {
  const { row, facts, offsets } = plan
  return {
    id: plan.ids[k]!,
    planId: row.id,
    level: row.level,
    region: row.region,
    leads: Array.from(pointUnitIndexes(facts.refs, offsets[k]!), i => leads[i]!),
    deadline: plan.deadlines[k] ?? null,
    ...(role ? { role } : {}),
  }
}

/** 我的单位's points, in reading order, with how each concerns the unit. */
export function unitFilterPoints(plans: readonly FactPlan[], m: UnitMatcher): FilterPoint[] {
  const out: FilterPoint[] = []
  if (!m.canonical)
    return out
  for (const plan of [...plans].sort(byReadingOrder)) {
    const roles = planUnitRoles(plan.row, plan.facts, plan.offsets, m)
    if (!roles.some(r => r !== null))
      continue
    const leads = qualifiedUnits(plan.row, plan.facts)
    roles.forEach((role, k) => {
      if (role)
        out.push(filterPoint(plan, leads, k, role))
    })
  }
  return out
}

/** The points of `ids`, in their order; ids of no stored plan are left out (as bulkGet's misses are). */
export function idsFilterPoints(plans: readonly FactPlan[], ids: readonly string[]): FilterPoint[] {
  const where = new Map<string, number>()
  // One number per point (plan index and position packed): 100,000 small objects would cost more than the lookups.
  const stride = Math.max(1, ...plans.map(p => p.ids.length))
  plans.forEach((plan, i) => plan.ids.forEach((id, k) => where.set(id, i * stride + k)))
  const leads = new Map<number, string[]>()
  const out: FilterPoint[] = []
  for (const id of ids) {
    const at = where.get(id)
    if (at === undefined)
      continue
    const i = Math.floor(at / stride)
    const plan = plans[i]!
    let l = leads.get(i)
    if (!l)
      leads.set(i, l = qualifiedUnits(plan.row, plan.facts))
    out.push(filterPoint(plan, l, at - i * stride))
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
