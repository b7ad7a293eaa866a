import type { PinyinBlock, Plan } from '~/domain/plan'
import { db } from './db'

/** A plan's word pinyin for search (format: src/search/pinyin-data.ts), one row per plan. */
export interface PlanPinyinRow {
  planId: string
  block: PinyinBlock
}

/** The rows of the plans that carry pinyin. */
export function toPlanPinyinRows(plans: Pick<Plan, 'id' | 'pinyin'>[]): PlanPinyinRow[] {
  return plans.flatMap(p => (p.pinyin ? [{ planId: p.id, block: p.pinyin }] : []))
}

/**
 * Inside replacePlanData's transaction: the pinyin of `plans` replaces everything but that of the plans kept.
 * A plan without pinyin (data from before it shipped) leaves no row: it is searched by characters.
 */
export async function replacePlanPinyin(plans: Pick<Plan, 'id' | 'pinyin'>[], keptPlanIds: string[]): Promise<void> {
  const kept = new Set(keptPlanIds)
  await db.planPinyin.filter(r => !kept.has(r.planId)).delete()
  await db.planPinyin.bulkPut(toPlanPinyinRows(plans))
}

/** Stores or removes one plan's pinyin (a plan imported on this device). */
export async function putPlanPinyin(plan: Pick<Plan, 'id' | 'pinyin'>): Promise<void> {
  if (plan.pinyin)
    await db.planPinyin.put({ planId: plan.id, block: plan.pinyin })
  else
    await db.planPinyin.delete(plan.id)
}

/** A stored plan's pinyin, to send it on with the plan (publishing). */
export async function getPlanPinyin(planId: string): Promise<PinyinBlock | undefined> {
  return (await db.planPinyin.get(planId))?.block
}
