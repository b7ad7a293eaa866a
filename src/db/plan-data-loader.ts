import type { PlanDataRequest } from './plan-data-protocol'
import type { PlanRow } from './plans'
import type { PointRow } from './points'
import type { ThemeRow } from './themes'
import type { PlanData, PlanOrigin } from '~/domain/plan'
import { isPlanData } from '~/domain/wire-guards'
import { buildBoardIndex } from './board-index'
import { db } from './db'
import { buildThemeDecks, themeDeckKey } from './deck-index'
import { META_KEYS } from './meta'
import { toPlanFactsRow } from './plan-facts'
import { replacePlanPinyin } from './plan-pinyin'
import { forgetVersions } from './plan-versions'
import { toPlanRow } from './plans'
import { toPointRows } from './points'
import { fromPlanRows, pointsOfPlan } from './stored-plan'

/** Rows per bulkPut inside the replace transaction (keeps memory flat with 100k points). */
export const REPLACE_CHUNK_SIZE = 2000

export interface ReplaceOptions {
  chunkSize?: number
  now?: Date
  /** Where the data came from; server data is not replaced by the build's copy (see ensurePlanData). */
  source?: 'build' | 'server'
}

async function putInChunks<T>(rows: T[], chunkSize: number, put: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += chunkSize)
    await put(rows.slice(i, i + chunkSize))
}

/**
 * The stored plans that a replace keeps: plans imported on this device (unless the new data has a plan of the same
 * id, which then supersedes it: it was published, here or by a colleague), and, when the build's data comes in,
 * plans this device published that the build does not ship (the server's next answer brings them anyway).
 */
async function plansToKeep(incoming: Set<string>, source: 'build' | 'server'): Promise<{ plans: PlanRow[], points: PointRow[] }> {
  const origins: PlanOrigin[] = source === 'build' ? ['local', 'server'] : ['local']
  const plans = (await db.plans.where('origin').anyOf(origins).toArray()).filter(p => !incoming.has(p.id))
  const points = (await Promise.all(plans.map(p => pointsOfPlan(p.id).toArray()))).flat()
  return { plans, points }
}

/**
 * Replaces the build's or the server's plans, points and themes with `data` in ONE transaction: either all of the
 * new data is stored or the old data stays. Plans imported on this device stay (plansToKeep). Favorites,
 * check-ins and the outbox are not touched; they refer to stable point ids.
 */
export async function replacePlanData(data: PlanData, options: ReplaceOptions = {}): Promise<void> {
  const chunkSize = Math.max(1, options.chunkSize ?? REPLACE_CHUNK_SIZE)
  const now = options.now ?? new Date()
  const source = options.source ?? 'build'
  const incoming = new Set(data.plans.map(p => p.id))
  await db.transaction('rw', [db.plans, db.points, db.themes, db.deckIndex, db.boardIndex, db.meta, db.unpublishedPoints, db.planPinyin, db.planFacts], async () => {
    const kept = await plansToKeep(incoming, source)
    const keptPlans = kept.plans.map(row => fromPlanRows(row, kept.points))
    const planRows = [...data.plans.map(toPlanRow), ...kept.plans]
    const decks = buildThemeDecks([...data.plans, ...keptPlans])
    const counts = new Map(decks.map(d => [d.key, d.ids.length]))
    const themeRows: ThemeRow[] = data.themes.map((t, order) => ({ ...t, order, count: counts.get(themeDeckKey(t.id)) ?? 0 }))
    // A kept local plan may use a theme the new data no longer has: its tile stays.
    const known = new Set(data.themes.map(t => t.id))
    const keptThemes = new Set(keptPlans.flatMap(p => p.sections.flatMap(s => s.points.flatMap(pt => pt.themes))))
    for (const old of (await db.themes.toArray()).sort((a, b) => a.order - b.order)) {
      if (!known.has(old.id) && keptThemes.has(old.id))
        themeRows.push({ ...old, order: themeRows.length, count: counts.get(themeDeckKey(old.id)) ?? 0 })
    }
    await Promise.all([db.plans.clear(), db.points.clear(), db.themes.clear(), db.deckIndex.clear(), db.boardIndex.clear()])
    // A plan the new data has is known to the server now (or ships with the app): its changes may be pushed.
    await db.unpublishedPoints.where('planId').anyOf([...incoming]).delete()
    await db.themes.bulkPut(themeRows)
    await db.deckIndex.bulkPut(decks)
    await db.boardIndex.bulkPut(buildBoardIndex([...data.plans, ...keptPlans]))
    await putInChunks(planRows, chunkSize, c => db.plans.bulkPut(c))
    await db.planFacts.clear()
    await db.planFacts.bulkPut([...data.plans, ...keptPlans].map(toPlanFactsRow))
    await putInChunks(kept.points, chunkSize, c => db.points.bulkPut(c))
    // One plan at a time so the flattened rows of all plans never sit in memory together.
    let pending: ReturnType<typeof toPointRows> = []
    for (const plan of data.plans) {
      pending.push(...toPointRows(plan))
      if (pending.length >= chunkSize) {
        await putInChunks(pending, chunkSize, c => db.points.bulkPut(c))
        pending = []
      }
    }
    await putInChunks(pending, chunkSize, c => db.points.bulkPut(c))
    // Search's word pinyin: its own table, one row per plan (the kept plans keep theirs).
    await replacePlanPinyin(data.plans, kept.plans.map(p => p.id))
    // Which plans were which version is known to the refresh, which stamps the manifest's versions afterwards (or
    // did already, for this very data).
    await forgetVersions(data.version)
    await db.meta.bulkPut([
      { key: META_KEYS.dataVersion, value: data.version },
      { key: META_KEYS.dataUpdatedAt, value: now.toISOString() },
      { key: META_KEYS.dataSource, value: source },
    ])
  })
}

/** The version of the plan data now stored, if any. */
export async function getStoredDataVersion(): Promise<string | undefined> {
  const row = await db.meta.get(META_KEYS.dataVersion)
  return typeof row?.value === 'string' ? row.value : undefined
}

export interface PlanDataSource {
  version: string
  url: string
}

/** The one place plan data from outside is checked against the contract before it is stored. */
export function parsePlanData(json: unknown): PlanData {
  // The build validated the data with PlanDataSchema; here only its shape is checked (no zod on the client).
  if (!isPlanData(json))
    throw new Error('计划数据格式不正确')
  return json
}

/** Downloads and checks plan data. */
export async function downloadPlanData(url: string, fetchImpl: typeof fetch): Promise<PlanData> {
  const res = await fetchImpl(url)
  if (!res.ok)
    throw new Error(`计划数据下载失败（HTTP ${res.status}）`)
  return parsePlanData(await res.json())
}

/**
 * Stores plan data on this thread: what the plan-data worker runs, and the fallback where there are no workers
 * (the service worker, tests). Data in hand was checked where it was read (the sync client's schema).
 */
export async function storePlanDataHere(request: PlanDataRequest, fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis)): Promise<string> {
  const data = 'url' in request ? await downloadPlanData(request.url, fetchImpl) : request.data
  await replacePlanData(data, { source: request.source })
  return data.version
}

let inFlight: Promise<{ version: string, replaced: boolean }> | undefined

/** Stores one plan data request and answers the version stored (storePlanDataHere, or the page's plan-data worker). */
export type PlanDataStore = (request: PlanDataRequest) => Promise<string>

/**
 * Loads the build's plan data into IndexedDB on first run, and replaces the stored data when the build ships
 * another version. Concurrent calls share one load. The page passes `store` = importPlanData (plan-data-import.ts),
 * so the download and the writes of 100,000 points run in a worker; this module never names the worker itself,
 * because the service worker's bundle (which has none) includes it.
 */
export function ensurePlanData(fetchImpl: typeof fetch | undefined, source: PlanDataSource, store?: PlanDataStore): Promise<{ version: string, replaced: boolean }> {
  inFlight ??= loadIfNeeded(source, store ?? (request => storePlanDataHere(request, fetchImpl))).finally(() => {
    inFlight = undefined
  })
  return inFlight
}

async function loadIfNeeded(source: PlanDataSource, store: PlanDataStore): Promise<{ version: string, replaced: boolean }> {
  const stored = await getStoredDataVersion()
  if (stored === source.version)
    return { version: source.version, replaced: false }
  // Data from the server already includes what this build ships (the server builds from the same seeds) and
  // whatever was published since; the build's copy only fills an empty store or replaces an older build's.
  if (stored !== undefined && (await db.meta.get(META_KEYS.dataSource))?.value === 'server')
    return { version: stored, replaced: false }
  return { version: await store({ url: source.url, source: 'build' }), replaced: true }
}
