import type { Plan, PlanData } from '../../src/domain/plan'
import type { Queryable, Store } from '../store/store'
import { createHash } from 'node:crypto'

export interface StoredPlanData {
  version: string
  /** The JSON served by GET /api/plans, exactly as hashed into the ETag. */
  body: string
  /** Strong ETag: the quoted version (a content hash), see planDataEtag. */
  etag: string
}

/**
 * The ETag is the plan-data version, itself a hash of the content: a device holding the build's data (same seeds,
 * same version) can ask with its version alone and get a 304 instead of the same plans again.
 */
export const planDataEtag = (version: string): string => `"${version}"`

/** The published plan data, or undefined before anything was stored. */
export async function getPlanData(store: Queryable): Promise<StoredPlanData | undefined> {
  const rows = await store.query<Omit<StoredPlanData, 'etag'>>('select version, body from plan_data where id = 1')
  return rows[0] && { ...rows[0], etag: planDataEtag(rows[0].version) }
}

async function writePlanData(tx: Queryable, data: PlanData): Promise<StoredPlanData> {
  const body = JSON.stringify(data)
  const stored = { version: data.version, body, etag: planDataEtag(data.version) }
  await tx.query(
    `insert into plan_data (id, version, body, etag, updated_at) values (1, $1, $2, $3, now())
     on conflict (id) do update set version = excluded.version, body = excluded.body, etag = excluded.etag, updated_at = now()`,
    [stored.version, stored.body, stored.etag],
  )
  const points = data.plans.flatMap(plan => plan.sections.flatMap(section => section.points.map(point => [point.id, plan.id])))
  await tx.query('delete from plan_points')
  if (points.length > 0) {
    await tx.query(
      'insert into plan_points (point_id, plan_id) select * from unnest($1::text[], $2::text[]) on conflict do nothing',
      [points.map(p => p[0]), points.map(p => p[1])],
    )
  }
  return stored
}

/** Stores `build()` as the plan data unless some is stored already (first start); returns what is served. */
export async function ensurePlanData(store: Store, build: () => PlanData | Promise<PlanData>): Promise<StoredPlanData> {
  const existing = await getPlanData(store)
  if (existing)
    return existing
  const data = await build()
  return store.transaction(async (tx) => {
    await tx.query('lock table plan_data in exclusive mode')
    return (await getPlanData(tx)) ?? writePlanData(tx, data)
  })
}

function contentVersion(plans: Plan[], themes: PlanData['themes']): string {
  return createHash('sha256').update(JSON.stringify({ plans, themes })).digest('hex').slice(0, 12)
}

/**
 * Publishes plans on a running installation: a whole PlanData or a single Plan.
 * Plans replace stored plans with the same id (others are kept), themes likewise;
 * the version becomes a hash of the new content, so it changes exactly when the data does.
 */
export async function publishPlans(store: Store, input: PlanData | Plan): Promise<StoredPlanData & { replaced: string[], added: string[] }> {
  const incoming = 'plans' in input ? input : { plans: [input], themes: [] }
  return store.transaction(async (tx) => {
    await tx.query('lock table plan_data in exclusive mode')
    const current = await getPlanData(tx)
    const base: PlanData = current ? JSON.parse(current.body) as PlanData : { version: '', plans: [], themes: [] }
    const byId = new Map(base.plans.map(plan => [plan.id, plan]))
    const replaced = incoming.plans.filter(plan => byId.has(plan.id)).map(plan => plan.id)
    const added = incoming.plans.filter(plan => !byId.has(plan.id)).map(plan => plan.id)
    for (const plan of incoming.plans)
      byId.set(plan.id, plan)
    const themes = new Map(base.themes.map(theme => [theme.id, theme]))
    for (const theme of incoming.themes)
      themes.set(theme.id, theme)
    const plans = [...byId.values()]
    const merged = { plans, themes: [...themes.values()] }
    const stored = await writePlanData(tx, { version: contentVersion(merged.plans, merged.themes), ...merged })
    return { ...stored, replaced, added }
  })
}
