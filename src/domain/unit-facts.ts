import type { UnitMatcher, UnitPlanContext, UnitRole } from './unit-match'
import { qualifyUnit, roleFromMatches, UNIT_KEY_RULES, unitKey, unitNameMatch } from './unit-match'

/**
 * A plan's units in a form that reads fast at 100,000 points: its distinct names once, and per point only numbers.
 * 我的单位 and the lists' filters need every point's units; decoding 100,000 full point rows for them took seconds
 * at 4× CPU, while one such row per plan decodes in milliseconds (a typed array is copied, not parsed). Pure.
 */
export interface PlanUnitFacts {
  /** The plan's distinct unit names (lead and partner) as written. */
  units: string[]
  /**
   * Each name's unitKey (canonical full name, '' for a collective phrase), by index. Spellings change only with a
   * build, and a build's data rewrites every plan's facts (local plans' too, replacePlanData).
   */
  keys: string[]
  /** UNIT_KEY_RULES when the keys were made. */
  keyRules: number
  /** Per point, in reading order: how many lead units, their indexes in `units`, then the same for its partners. */
  refs: Uint32Array
}

interface UnitsOfPoint { leadUnits: readonly string[], partnerUnits: readonly string[] }

export function planUnitFacts(plan: UnitPlanContext, points: Iterable<UnitsOfPoint>): PlanUnitFacts {
  const index = new Map<string, number>()
  const refs: number[] = []
  const ref = (u: string) => {
    let i = index.get(u)
    if (i === undefined)
      index.set(u, i = index.size)
    return i
  }
  for (const p of points)
    refs.push(p.leadUnits.length, ...p.leadUnits.map(ref), p.partnerUnits.length, ...p.partnerUnits.map(ref))
  const units = [...index.keys()]
  return { units, keys: units.map(u => unitKey(u, plan)), keyRules: UNIT_KEY_RULES, refs: Uint32Array.from(refs) }
}

/**
 * Where each point's entry starts in `refs` (its lead count; the partner count follows its lead indexes). Undefined
 * when `refs` does not hold exactly `count` points (a plan whose facts do not fit its rows: the caller reads the points).
 */
export function pointOffsets(refs: Uint32Array, count: number): Uint32Array | undefined {
  const out = new Uint32Array(count)
  let at = 0
  for (let k = 0; k < count; k++) {
    if (at >= refs.length)
      return undefined
    out[k] = at
    const partnerAt = at + 1 + refs[at]!
    if (partnerAt >= refs.length)
      return undefined
    at = partnerAt + 1 + refs[partnerAt]!
  }
  return at === refs.length ? out : undefined
}

/** The indexes in `units` of a point's lead units (partners: false, its partner units), from its offset. */
export function pointUnitIndexes(refs: Uint32Array, offset: number, partners = false): Uint32Array {
  const at = partners ? offset + 1 + refs[offset]! : offset
  return refs.subarray(at + 1, at + 1 + refs[at]!)
}

/** unitNameMatch of each of the plan's names, by index; all 0 (most plans) when no point of the plan concerns the unit. */
export function planUnitMatches(plan: UnitPlanContext, facts: PlanUnitFacts, m: UnitMatcher): number[] {
  return facts.units.map((u, i) => unitNameMatch(u, plan, m, facts.keys[i]))
}

/** unitRole of every point of a plan from planUnitMatches, each distinct name tested once; `offsets` from pointOffsets. */
export function planUnitRoles(facts: PlanUnitFacts, offsets: Uint32Array, match: readonly number[]): (UnitRole | null)[] {
  const { refs } = facts
  const bits = (from: number, n: number) => {
    let b = 0
    for (let j = from; j < from + n; j++)
      b |= match[refs[j]!]!
    return b
  }
  return Array.from(offsets, (at) => {
    const partnerAt = at + 1 + refs[at]!
    return roleFromMatches(bits(at + 1, refs[at]!), bits(partnerAt + 1, refs[partnerAt]!))
  })
}

/** The plan's unit names with its region (qualifyUnit), by index: a point's lead units for the lists' filters. */
export function qualifiedUnits(plan: UnitPlanContext, facts: PlanUnitFacts): string[] {
  return facts.units.map(u => qualifyUnit(u, plan))
}
