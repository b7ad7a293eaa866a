import type { UnpublishedPointRow } from './unpublished-points'
import type { Plan, PlanData, PlanOrigin } from '~/domain/plan'
import { db } from './db'
import { updateDerivedTables } from './derived-plan-tables'
import { META_KEYS } from './meta'
import { toPlanFactsRow } from './plan-facts'
import { putPlanPinyin } from './plan-pinyin'
import { toPlanRow } from './plans'
import { toPointRows } from './points'
import { pointsOfPlan } from './stored-plan'

// Plans imported on this device (本机导入, origin `local`). They live in the same tables as the build's and the
// server's plans, so themes, decks, search, 临近截止, favorites and check-ins treat them alike; replacePlanData keeps
// them. Their points are listed in unpublishedPoints until the server has the plan (see unpublished-points.ts).

export interface LocalImportOutcome {
  /** Plans new on this device. */
  added: string[]
  /** Local plans replaced by this import (a new edition, or the same document again). */
  replaced: string[]
  /** Plans left alone because the app already has them from the build or the server. */
  skipped: string[]
}

/** Where each stored plan among `ids` came from (undefined: not stored; a stored plan without origin is `build`). */
export async function storedPlanOrigins(ids: string[]): Promise<Map<string, PlanOrigin>> {
  const rows = await db.plans.bulkGet(ids)
  return new Map(rows.flatMap(r => (r ? [[r.id, r.origin ?? 'build'] as const] : [])))
}

async function touchLocalPlans(now: Date): Promise<void> {
  await db.meta.put({ key: META_KEYS.localPlansChangedAt, value: now.toISOString() })
}

const LOCAL_PLAN_TABLES = () => [db.plans, db.points, db.themes, db.deckIndex, db.boardIndex, db.meta, db.unpublishedPoints, db.planPinyin, db.planFacts]

/**
 * 确认导入: stores imported plans as `local`, in one transaction. A plan already imported here is replaced by its
 * stable id (its favorites and check-ins point at stable point ids and stay); a plan the app has from the build or
 * the server is skipped. Every point of a stored plan is marked unpublished.
 */
export async function importLocalPlans(data: Pick<PlanData, 'plans' | 'themes'>, now: Date = new Date()): Promise<LocalImportOutcome> {
  return db.transaction('rw', LOCAL_PLAN_TABLES(), async () => {
    const outcome: LocalImportOutcome = { added: [], replaced: [], skipped: [] }
    const existing = await db.plans.bulkGet(data.plans.map(p => p.id))
    const stored: Plan[] = []
    for (const [i, plan] of data.plans.entries()) {
      const old = existing[i]
      if (old && old.origin !== 'local') {
        outcome.skipped.push(plan.id)
        continue
      }
      const local: Plan = { ...plan, origin: 'local' }
      const rows = toPointRows(local)
      const ids = new Set(rows.map(r => r.id))
      // Points the new edition dropped stay listed (removed), so changes made on them keep waiting, never refused.
      const dropped = (await db.unpublishedPoints.where('planId').equals(plan.id).toArray()).filter(r => !ids.has(r.pointId))
      await pointsOfPlan(plan.id).delete()
      await db.points.bulkPut(rows)
      await db.plans.put(toPlanRow(local))
      await db.planFacts.put(toPlanFactsRow(local))
      await putPlanPinyin(local)
      await db.unpublishedPoints.bulkPut([
        ...dropped.map(r => ({ ...r, removed: true as const })),
        ...rows.map((r): UnpublishedPointRow => ({ pointId: r.id, planId: plan.id })),
      ])
      ;(old ? outcome.replaced : outcome.added).push(plan.id)
      stored.push(local)
    }
    if (stored.length > 0) {
      await updateDerivedTables(new Set(stored.map(p => p.id)), stored, { add: data.themes })
      await touchLocalPlans(now)
    }
    return outcome
  })
}

/**
 * 删除 a plan imported on this device: its points go, from decks and search too; its check-ins, favorites and
 * their outbox rows stay on the device (the outbox rows keep waiting). False when it is not a local plan.
 */
export async function removeLocalPlan(planId: string, now: Date = new Date()): Promise<boolean> {
  return db.transaction('rw', LOCAL_PLAN_TABLES(), async () => {
    const plan = await db.plans.get(planId)
    if (plan?.origin !== 'local')
      return false
    await pointsOfPlan(planId).delete()
    await db.plans.delete(planId)
    await db.planFacts.delete(planId)
    await db.planPinyin.delete(planId)
    await db.unpublishedPoints.where('planId').equals(planId).modify({ removed: true })
    await updateDerivedTables(new Set([planId]), [], { add: [] })
    await touchLocalPlans(now)
    return true
  })
}

/** After the server accepted a local plan: it is a server plan now, and changes on its points may be pushed. */
export async function markPlanPublished(planId: string): Promise<void> {
  await db.transaction('rw', db.plans, db.unpublishedPoints, async () => {
    await db.plans.update(planId, { origin: 'server' })
    await db.unpublishedPoints.where('planId').equals(planId).delete()
  })
}
