import type { PlanRow } from './plans'
import type { Plan, PlanLevel } from '~/domain/plan'
import type { PlanForCurrency } from '~/domain/plan-currency'
import type { PlanUnitFacts } from '~/domain/unit-facts'
import type { UnitMatcher } from '~/domain/unit-match'
import { planUnitFacts, planUnitMatches, pointOffsets } from '~/domain/unit-facts'
import { UNIT_KEY_RULES } from '~/domain/unit-match'
import { db } from './db'

/** A plan's units for 我的单位 and the lists' filters (src/domain/unit-facts.ts), one row per plan, written with it. */
export interface PlanFactsRow extends PlanUnitFacts {
  planId: string
  /** How many points the facts are of: they fit the plan row only if it has as many. */
  count: number
  /** What 我的单位 needs of the plan itself (matching, currency, the board's headings), so it reads whole plan rows only of the plans that name the unit. */
  plan: PlanForCurrency & { title: string, level: PlanLevel }
}

export function toPlanFactsRow(plan: Plan): PlanFactsRow {
  const points = plan.sections.flatMap(s => s.points)
  const { id, title, region, level, year, series } = plan
  return { planId: plan.id, count: points.length, plan: { id, title, region, level, year, ...(series ? { series } : {}) }, ...planUnitFacts(plan, points) }
}

/** A stored plan with what the lists need of every point of it, without reading a point row. */
export interface FactPlan {
  readonly row: PlanRow
  readonly facts: PlanFactsRow
  readonly ids: readonly string[]
  readonly deadlines: readonly (string | null)[]
  /** Where each point's units start in facts.refs. */
  readonly offsets: Uint32Array
}

/** Its per-point arrays are made on first use: 我的单位 needs them only of the few plans that name the unit. */
class StoredFactPlan implements FactPlan {
  #ids?: string[]
  #deadlines?: (string | null)[]
  #offsets?: Uint32Array
  constructor(readonly row: PlanRow, readonly facts: PlanFactsRow) {}
  get ids() {
    return this.#ids ??= this.row.sections.flatMap(s => s.pointIds)
  }

  get deadlines() {
    return this.#deadlines ??= this.row.sections.flatMap(s => s.deadlines ?? [])
  }

  get offsets() {
    const offsets = this.#offsets ??= pointOffsets(this.facts.refs, this.facts.count)
    if (!offsets)
      throw new Error(`plan facts of ${this.row.id} do not hold ${this.facts.count} points`)
    return offsets
  }
}

/**
 * Every stored plan with its facts, or undefined when some plan has none that fit it (stored before schema v11, or
 * before plan rows kept deadlines): the caller then reads the point rows, as before.
 */
export async function readFactPlans(planRows?: readonly PlanRow[]): Promise<FactPlan[] | undefined> {
  const [rows, facts] = await Promise.all([planRows ?? db.plans.toArray(), db.planFacts.toArray()])
  const byPlan = new Map(facts.map(f => [f.planId, f]))
  const out: FactPlan[] = []
  for (const row of rows) {
    const plan = toFactPlan(row, byPlan.get(row.id))
    if (!plan)
      return undefined
    out.push(plan)
  }
  return out
}

function toFactPlan(row: PlanRow | undefined, f: PlanFactsRow | undefined): FactPlan | undefined {
  const fits = row && f?.plan && f.keyRules === UNIT_KEY_RULES && row.sections.every(s => s.deadlines?.length === s.pointIds.length) && row.sections.reduce((n, s) => n + s.pointIds.length, 0) === f.count
  return fits ? new StoredFactPlan(row, f) : undefined
}

/**
 * 我的单位's plans: every plan's facts (small rows) are matched to the unit and only the plans some point of which
 * concerns it are read whole. `all` is every plan's facts (their `plan` is what currentPlanIds needs). Undefined as
 * readFactPlans.
 */
export async function readUnitFactPlans(m: UnitMatcher): Promise<{ plans: FactPlan[], all: PlanFactsRow[] } | undefined> {
  const [all, count] = await Promise.all([db.planFacts.toArray(), db.plans.count()])
  if (all.length !== count || !all.every(f => f.plan && f.keyRules === UNIT_KEY_RULES))
    return undefined
  const named = all.filter(f => planUnitMatches(f.plan, f, m).some(b => b !== 0))
  const rows = await db.plans.bulkGet(named.map(f => f.planId))
  const plans: FactPlan[] = []
  for (const [i, row] of rows.entries()) {
    const plan = toFactPlan(row, named[i])
    if (!plan)
      return undefined
    plans.push(plan)
  }
  return { plans, all }
}
