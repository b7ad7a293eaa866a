import type { PlanRow } from './plans'
import type { Plan } from '~/domain/plan'
import type { PlanUnitFacts } from '~/domain/unit-facts'
import { planUnitFacts, pointOffsets } from '~/domain/unit-facts'
import { db } from './db'

/** A plan's units for 我的单位 and the lists' filters (src/domain/unit-facts.ts), one row per plan, written with it. */
export interface PlanFactsRow extends PlanUnitFacts {
  planId: string
}

export function toPlanFactsRow(plan: Plan): PlanFactsRow {
  return { planId: plan.id, ...planUnitFacts(plan.sections.flatMap(s => s.points)) }
}

/** A stored plan with what the lists need of every point of it, without reading a point row. */
export interface FactPlan {
  row: PlanRow
  facts: PlanFactsRow
  ids: string[]
  deadlines: (string | null)[]
  /** Where each point's units start in facts.refs. */
  offsets: Uint32Array
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
    const ids = row.sections.flatMap(s => s.pointIds)
    const deadlines = row.sections.flatMap(s => s.deadlines ?? [])
    const offsets = f && deadlines.length === ids.length ? pointOffsets(f.refs, ids.length) : undefined
    if (!f || !offsets)
      return undefined
    out.push({ row, facts: f, ids, deadlines, offsets })
  }
  return out
}
