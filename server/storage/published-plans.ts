import type { Plan } from '../../src/domain/plan'
import type { PlanManifest } from '../../src/domain/plan-manifest'
import type { Queryable } from '../store/store'
import { createHash } from 'node:crypto'

// One row per published plan (migration 005): its JSON body and a version that hashes it, so publishing a plan
// changes that plan's version only and clients fetch just the plans that changed.

/** A body served with a strong ETag (the quoted content version). */
export interface VersionedBody {
  version: string
  body: string
  etag: string
}

export interface PlanRecord { id: string, version: string, body: string }

/** The highest position stored (-1 when there are no plans): a newly published plan goes after it. */
export async function lastPlanPosition(tx: Queryable): Promise<number> {
  const rows = await tx.query<{ last: number | null }>('select max(position) as last from published_plans')
  return rows[0]?.last ?? -1
}

/** The first 12 hex digits of the body's sha256: a version that changes exactly when the bytes do. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12)
}

export const quoteEtag = (version: string): string => `"${version}"`

function versioned(body: string): VersionedBody {
  const version = contentHash(body)
  return { version, body, etag: quoteEtag(version) }
}

/** A plan as stored and served: its JSON and the hash of that JSON. */
export function toPlanRecord(plan: Plan): PlanRecord {
  const body = JSON.stringify(plan)
  return { id: plan.id, version: contentHash(body), body }
}

/** Every published plan with its body, in publishing order. */
export async function readPlanRecords(tx: Queryable): Promise<PlanRecord[]> {
  return tx.query<PlanRecord>('select id, version, body from published_plans order by position, id')
}

/** One published plan's body and ETag, or undefined. */
export async function getPublishedPlan(store: Queryable, id: string): Promise<VersionedBody | undefined> {
  const rows = await store.query<{ version: string, body: string }>('select version, body from published_plans where id = $1', [id])
  return rows[0] && { ...rows[0], etag: quoteEtag(rows[0].version) }
}

/** The published theme list (PublishedThemes JSON) and its ETag, or undefined before anything was published. */
export async function getPublishedThemes(store: Queryable): Promise<VersionedBody | undefined> {
  const rows = await store.query<{ version: string, body: string }>('select version, body from published_themes where id = 1')
  return rows[0] && { version: rows[0].version, body: `{"themes":${rows[0].body}}`, etag: quoteEtag(rows[0].version) }
}

/** The manifest (PlanManifest JSON) with an ETag hashing it, or undefined before anything was published. */
export async function getPlanManifest(store: Queryable): Promise<VersionedBody | undefined> {
  const [data, themes, plans] = await Promise.all([
    store.query<{ version: string }>('select version from plan_data where id = 1'),
    store.query<{ version: string }>('select version from published_themes where id = 1'),
    store.query<{ id: string, version: string }>('select id, version from published_plans order by position, id'),
  ])
  if (!data[0])
    return undefined
  const manifest: PlanManifest = { dataVersion: data[0].version, themesVersion: themes[0]?.version ?? contentHash('[]'), plans }
  return versioned(JSON.stringify(manifest))
}

/** A plan to write, with its record and its place in publishing order. */
export interface PlanWrite { plan: Plan, record: PlanRecord, position: number }

/**
 * Writes the given plans' rows and their plan_points inside the caller's transaction. Rows of other plans are not
 * touched, so their versions stay; a plan already stored keeps its position.
 */
export async function writePlanRecords(tx: Queryable, writes: PlanWrite[]): Promise<void> {
  if (writes.length === 0)
    return
  const ids = writes.map(w => w.record.id)
  await tx.query(
    `insert into published_plans (id, position, version, body, updated_at)
     select *, now() from unnest($1::text[], $2::int[], $3::text[], $4::text[])
     on conflict (id) do update set version = excluded.version, body = excluded.body, updated_at = now()`,
    [ids, writes.map(w => w.position), writes.map(w => w.record.version), writes.map(w => w.record.body)],
  )
  const points = writes.flatMap(({ plan }) => plan.sections.flatMap(s => s.points.map(p => [p.id, plan.id] as const)))
  await tx.query('delete from plan_points where plan_id = any($1::text[])', [ids])
  if (points.length > 0) {
    await tx.query(
      'insert into plan_points (point_id, plan_id) select * from unnest($1::text[], $2::text[]) on conflict do nothing',
      [points.map(p => p[0]), points.map(p => p[1])],
    )
  }
}

/** Removes every plan row and point (a whole data set is written anew). */
export async function clearPlanRecords(tx: Queryable): Promise<void> {
  await tx.query('delete from published_plans')
  await tx.query('delete from plan_points')
}

/** Stores the theme list (its JSON) and its version. */
export async function writeThemes(tx: Queryable, themesJson: string): Promise<void> {
  await tx.query(
    `insert into published_themes (id, version, body, updated_at) values (1, $1, $2, now())
     on conflict (id) do update set version = excluded.version, body = excluded.body, updated_at = now()`,
    [contentHash(themesJson), themesJson],
  )
}
