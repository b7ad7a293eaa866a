import type { PlanRow } from './plans'
import type { Plan } from '~/domain/plan'
import type { PlanUnitFacts } from '~/domain/unit-facts'
import { planUnitFacts, pointOffsets } from '~/domain/unit-facts'
import { db } from './db'

/** A plan's units for 我的单位 and the lists' filters (src/domain/unit-facts.ts), one row per plan, written with it. */
export interface PlanFactsRow extends PlanUnitFacts {
  planId: string
  /** How many points the facts are of: they fit the plan row only if it has as many. */
  count: number
}

export function toPlanFactsRow(plan: Plan): PlanFactsRow {
  const points = plan.sections.flatMap(s => s.points)
  return { planId: plan.id, count: points.length, ...planUnitFacts(points) }
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
    const f = byPlan.get(row.id)
    const fits = f && row.sections.every(s => s.deadlines?.length === s.pointIds.length) && row.sections.reduce((n, s) => n + s.pointIds.length, 0) === f.count
    if (!fits)
      return undefined
    out.push(new StoredFactPlan(row, f))
  }
  return out
}
