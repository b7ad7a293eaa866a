/**
 * The in-page half of `npm run bench`: built by scripts/bench/vite.bench.config.ts into <bench build>/__bench/bench-api.js
 * (never into the app bundle) and imported by a same-origin page, so it works on the app's own IndexedDB through
 * the app's stable entry points: replacePlanData, searchPoints, the db.
 */
import type { PlanData } from '~/domain/plan'
import { planDataVersion } from 'virtual:plan-data'
import { db } from '~/db/db'
import { getStoredDataVersion, replacePlanData } from '~/db/plan-data-loader'
import { toPointRows } from '~/db/points'
import * as pointSearch from '~/search/point-search'

export interface ImportResult { points: number, ms: number, recordsPerSecond: number }
export interface Percentiles { p50: number, p95: number, samples: number }
export interface SearchResult {
  indexBuildMs: number
  longTasksDuringBuild: number
  longestTaskMs: number
  characters: Percentiles
  initials: Percentiles
  all: Percentiles
  /** The index alone (ids, no rows read), when the app exports searchPointIds; undefined otherwise. */
  idsOnly?: Percentiles
  hits: Record<string, number>
  baseline: { characters: Percentiles, initials: Percentiles, all: Percentiles, hits: Record<string, number> }
}

let corpus: PlanData | undefined

function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN
  return { p50: at(0.5), p95: at(0.95), samples: sorted.length }
}

function countPoints(data: PlanData): number {
  return data.plans.reduce((n, p) => n + p.sections.reduce((m, s) => m + s.points.length, 0), 0)
}

/** Fetches a generated corpus and keeps it in memory, labelled with the build's data version so the app keeps it. */
export async function loadCorpus(url: string): Promise<number> {
  const res = await fetch(url)
  if (!res.ok)
    throw new Error(`corpus ${url}: HTTP ${res.status}`)
  corpus = { ...(await res.json() as PlanData), version: planDataVersion }
  return countPoints(corpus)
}

/** Lets the corpus be collected (before heap figures are taken). */
export function dropCorpus(): void {
  corpus = undefined
}

function loaded(): PlanData {
  if (!corpus)
    throw new Error('loadCorpus first')
  return corpus
}

/** The app's import: replacePlanData (chunked bulk writes in one Dexie transaction). */
export async function importWithApp(): Promise<ImportResult> {
  const data = loaded()
  const points = countPoints(data)
  const started = performance.now()
  await replacePlanData(data)
  const ms = performance.now() - started
  return { points, ms, recordsPerSecond: points / (ms / 1000) }
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

const RAW_DB = 'ydt-bench-raw'

/**
 * Baseline: the same point rows put with the plain IndexedDB API in ONE transaction, into a store with the app's
 * indexes (or, with `indexes` false, none: what index upkeep costs).
 */
export async function importRaw(indexes = true): Promise<ImportResult> {
  const data = loaded()
  await request(indexedDB.deleteDatabase(RAW_DB))
  const open = indexedDB.open(RAW_DB, 1)
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore('points', { keyPath: 'id' })
    if (!indexes)
      return
    store.createIndex('planId', 'planId')
    store.createIndex('themes', 'themes', { multiEntry: true })
    store.createIndex('deadline', 'deadline')
    store.createIndex('planId_order', ['planId', 'order'])
  }
  const raw = await request(open)
  try {
    const started = performance.now()
    const tx = raw.transaction('points', 'readwrite')
    const store = tx.objectStore('points')
    let points = 0
    for (const plan of data.plans) {
      for (const row of toPointRows(plan)) {
        store.put(row)
        points++
      }
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
      tx.onabort = () => reject(tx.error ?? new Error('aborted'))
    })
    const ms = performance.now() - started
    return { points, ms, recordsPerSecond: points / (ms / 1000) }
  }
  finally {
    raw.close()
    await request(indexedDB.deleteDatabase(RAW_DB))
  }
}

/** Whether the app has stored its build's plan data (it loads it on first run). */
export async function storedDataIsBuilds(): Promise<boolean> {
  return await getStoredDataVersion() === planDataVersion
}

/** How many points the app's database holds now. */
export function storedPoints(): Promise<number> {
  return db.points.count()
}

function isInitials(q: string): boolean {
  return /^[a-z]+$/i.test(q)
}

/**
 * Search latency through searchPoints: the first query builds the index (long tasks recorded meanwhile), then
 * every query runs `rounds` times. Baseline: String.includes over title, body and units of the same rows in memory.
 */
export async function benchSearch(queries: string[], rounds: number): Promise<SearchResult> {
  const longTasks: number[] = []
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      longTasks.push(e.duration)
  })
  observer.observe({ type: 'longtask', buffered: false })
  const { searchPoints } = pointSearch
  // Optional on purpose: the ids-only entry point may change; searchPoints is the stable one.
  const searchIds = (pointSearch as Record<string, unknown>).searchPointIds as ((q: string) => Promise<string[]>) | undefined
  const started = performance.now()
  await searchPoints(queries[0] ?? '政务')
  const indexBuildMs = performance.now() - started
  // Long-task entries are delivered asynchronously, after the task ends.
  await new Promise(resolve => setTimeout(resolve, 200))
  observer.disconnect()

  const chars: number[] = []
  const initials: number[] = []
  const hits: Record<string, number> = {}
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t = performance.now()
      const found = await searchPoints(q)
      ;(isInitials(q) ? initials : chars).push(performance.now() - t)
      hits[q] = found.length
    }
  }

  const idsOnly: number[] = []
  if (typeof searchIds === 'function') {
    for (let r = 0; r < rounds; r++) {
      for (const q of queries) {
        const t = performance.now()
        await searchIds(q)
        idsOnly.push(performance.now() - t)
      }
    }
  }

  const rows = (await db.points.toArray()).map(p => ({ title: p.title, body: p.body, units: [...p.leadUnits, ...p.partnerUnits].join(' ') }))
  const scanChars: number[] = []
  const scanInitials: number[] = []
  const scanHits: Record<string, number> = {}
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t = performance.now()
      const needle = q.toLowerCase()
      const found = rows.filter(p => p.title.includes(needle) || p.body.includes(needle) || p.units.includes(needle))
      ;(isInitials(q) ? scanInitials : scanChars).push(performance.now() - t)
      scanHits[q] = found.length
    }
  }
  return {
    indexBuildMs,
    longTasksDuringBuild: longTasks.length,
    longestTaskMs: Math.max(0, ...longTasks),
    characters: percentiles(chars),
    initials: percentiles(initials),
    all: percentiles([...chars, ...initials]),
    idsOnly: idsOnly.length ? percentiles(idsOnly) : undefined,
    hits,
    baseline: { characters: percentiles(scanChars), initials: percentiles(scanInitials), all: percentiles([...scanChars, ...scanInitials]), hits: scanHits },
  }
}
