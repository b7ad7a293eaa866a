import type { Plan, PlanData, Theme } from '../../src/domain/plan'
import type { Queryable, Store } from '../store/store'
import type { PlanRecord, PlanWrite } from './published-plans'
import { createHash } from 'node:crypto'
import { clearPlanRecords, lastPlanPosition, readPlanRecords, toPlanRecord, writePlanRecords, writeThemes } from './published-plans'

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

/**
 * The whole data set as GET /api/plans serves it (older clients read nothing else), joined from the plans' stored
 * JSON without parsing it. `version` given: the build's; else a hash of the content, as before per-plan rows.
 */
function joinPlanData(plans: PlanRecord[], themesJson: string, version?: string): { version: string, body: string } {
  const list = plans.map(p => p.body).join(',')
  const content = version ?? createHash('sha256').update('{"plans":[').update(list).update('],"themes":').update(themesJson).update('}').digest('hex').slice(0, 12)
  return { version: content, body: `{"version":${JSON.stringify(content)},"plans":[${list}],"themes":${themesJson}}` }
}

async function writeLegacyBody(tx: Queryable, joined: { version: string, body: string }): Promise<StoredPlanData> {
  const stored = { ...joined, etag: planDataEtag(joined.version) }
  await tx.query(
    `insert into plan_data (id, version, body, etag, updated_at) values (1, $1, $2, $3, now())
     on conflict (id) do update set version = excluded.version, body = excluded.body, etag = excluded.etag, updated_at = now()`,
    [stored.version, stored.body, stored.etag],
  )
  return stored
}

async function writePlanData(tx: Queryable, data: PlanData): Promise<StoredPlanData> {
  await clearPlanRecords(tx)
  const writes: PlanWrite[] = data.plans.map((plan, position) => ({ plan, record: toPlanRecord(plan), position }))
  await writePlanRecords(tx, writes)
  const themesJson = JSON.stringify(data.themes)
  await writeThemes(tx, themesJson)
  return writeLegacyBody(tx, joinPlanData(writes.map(w => w.record), themesJson, data.version))
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

function mergeThemes(stored: Theme[], incoming: Theme[]): Theme[] {
  const themes = new Map(stored.map(theme => [theme.id, theme]))
  for (const theme of incoming)
    themes.set(theme.id, theme)
  return [...themes.values()]
}

/**
 * Publishes plans on a running installation: a whole PlanData or a single Plan.
 * Plans replace stored plans with the same id (others are kept), themes likewise. Only plans whose content changed
 * get a new row version; the whole data set's version becomes a hash of the new content, so it changes exactly
 * when the data does.
 */
export async function publishPlans(store: Store, input: PlanData | Plan): Promise<StoredPlanData & { replaced: string[], added: string[] }> {
  const incoming = 'plans' in input ? input : { plans: [input], themes: [] }
  return store.transaction(async (tx) => {
    await tx.query('lock table plan_data in exclusive mode')
    const records = new Map((await readPlanRecords(tx)).map(r => [r.id, r]))
    const replaced = incoming.plans.filter(plan => records.has(plan.id)).map(plan => plan.id)
    const added = incoming.plans.filter(plan => !records.has(plan.id)).map(plan => plan.id)
    let last = await lastPlanPosition(tx)
    const writes = new Map<string, PlanWrite>()
    for (const plan of incoming.plans) {
      const record = toPlanRecord(plan)
      if (records.get(plan.id)?.version !== record.version) {
        // A new plan goes last, as it did when the data set was one array.
        const position = records.has(plan.id) ? 0 : ++last
        writes.set(plan.id, { plan, record, position })
      }
      records.set(plan.id, record)
    }
    await writePlanRecords(tx, [...writes.values()])
    const storedThemes = await tx.query<{ body: string }>('select body from published_themes where id = 1')
    const themes = mergeThemes(storedThemes[0] ? JSON.parse(storedThemes[0].body) as Theme[] : [], incoming.themes)
    const themesJson = JSON.stringify(themes)
    if (storedThemes[0]?.body !== themesJson)
      await writeThemes(tx, themesJson)
    const stored = await writeLegacyBody(tx, joinPlanData([...records.values()], themesJson))
    return { ...stored, replaced, added }
  })
}
