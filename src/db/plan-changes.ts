import type { Plan, Theme } from '~/domain/plan'
import type { PlanManifest } from '~/domain/plan-manifest'
import { db } from './db'
import { updateDerivedTables } from './derived-plan-tables'
import { META_KEYS } from './meta'
import { toPlanFactsRow } from './plan-facts'
import { putPlanPinyin } from './plan-pinyin'
import { versionRows } from './plan-versions'
import { toPlanRow } from './plans'
import { toPointRows } from './points'

/** What a per-plan refresh brings: the plans that changed, the themes if they did, and the versions of all. */
export interface PlanChanges {
  /** The manifest followed: its ids are the server's plans, its data version names the whole. */
  manifest: PlanManifest
  plans: Plan[]
  themes?: Theme[]
  /** Every stored server plan's version after the change (the fetched plans' from their ETags). */
  versions: Record<string, string>
  themesVersion: string
}

const PLAN_TABLES = () => [db.plans, db.points, db.themes, db.deckIndex, db.boardIndex, db.meta, db.unpublishedPoints, db.planPinyin, db.planFacts]

/**
 * A stored plan's point ids, from its row (points are always written with their plan's row): a delete by key is far
 * cheaper than a range delete over the [planId+order] index, which has every index of the table to keep up.
 */
async function storedPointIds(planId: string): Promise<string[]> {
  const row = await db.plans.get(planId)
  return row ? row.sections.flatMap(s => s.pointIds) : []
}

/** Stored plans from the build or the server that the manifest no longer lists (imports on this device stay). */
async function plansGone(manifest: PlanManifest): Promise<string[]> {
  const listed = new Set(manifest.plans.map(p => p.id))
  const rows = await db.plans.toArray()
  return rows.filter(p => (p.origin ?? 'build') !== 'local' && !listed.has(p.id)).map(p => p.id)
}

/**
 * Stores the plans that changed on the server in ONE transaction: each replaces the stored plan of its id (points,
 * pinyin, and a local import of the same id, which it supersedes as a whole replace would), plans the manifest
 * dropped go, and the theme decks, board index and theme tiles are updated for just those plans. Favorites,
 * check-ins and the outbox are not touched: they refer to stable point ids. Afterwards the stored data is the
 * manifest's: its data version and per-plan versions are recorded with the rows.
 */
export async function applyPlanChanges(changes: PlanChanges, now: Date = new Date()): Promise<{ stored: string[], removed: string[] }> {
  return db.transaction('rw', PLAN_TABLES(), async () => {
    const removed = await plansGone(changes.manifest)
    if (changes.plans.length === 0 && removed.length === 0 && !changes.themes) {
      // Nothing to rewrite (a plan asked for was the stored one after all): the derived tables and search stay.
      await db.meta.bulkPut([...versionRows(changes.versions, changes.themesVersion, changes.manifest.dataVersion), { key: META_KEYS.dataVersion, value: changes.manifest.dataVersion }])
      return { stored: [], removed: [] }
    }
    for (const id of removed) {
      await db.points.bulkDelete(await storedPointIds(id))
      await db.plans.delete(id)
      await db.planFacts.delete(id)
      await db.planPinyin.delete(id)
    }
    for (const plan of changes.plans) {
      const rows = toPointRows(plan)
      const kept = new Set(rows.map(r => r.id))
      // Points of the new edition overwrite their old rows by id; only the ones it dropped are deleted.
      await db.points.bulkDelete((await storedPointIds(plan.id)).filter(id => !kept.has(id)))
      await db.points.bulkPut(rows)
      await db.plans.put(toPlanRow(plan))
      await db.planFacts.put(toPlanFactsRow(plan))
      await putPlanPinyin(plan)
    }
    const stored = changes.plans.map(p => p.id)
    // A plan the server has now is known to it: changes on its points may be pushed.
    await db.unpublishedPoints.where('planId').anyOf(stored).delete()
    await updateDerivedTables(new Set([...stored, ...removed]), changes.plans, changes.themes ? { replace: changes.themes } : { add: [] })
    await db.meta.bulkPut([
      ...versionRows(changes.versions, changes.themesVersion, changes.manifest.dataVersion),
      { key: META_KEYS.dataVersion, value: changes.manifest.dataVersion },
      { key: META_KEYS.dataUpdatedAt, value: now.toISOString() },
      { key: META_KEYS.dataSource, value: 'server' },
    ])
    return { stored, removed }
  })
}
