import type { WorkerFloor } from './raw-put'
/**
 * The in-page half of `npm run bench`: built by scripts/bench/vite.bench.config.ts into <bench build>/__bench/bench-api.js
 * (never into the app bundle) and imported by a same-origin page, so it works on the app's own IndexedDB through
 * the app's stable entry points: replacePlanData, searchPoints, the db.
 */
import type { PlanData } from '~/domain/plan'
import { planDataVersion } from 'virtual:plan-data'
import { db } from '~/db/db'
import { importPlanData } from '~/db/plan-data-import'
import { getStoredDataVersion } from '~/db/plan-data-loader'
import * as pointSearch from '~/search/point-search'
import { rawPut } from './raw-put'

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

/**
 * The app's import, as it runs when new plan data arrives: importPlanData on the corpus URL (the plan-data worker
 * downloads, checks and writes it in one transaction). The corpus file carries the build's version, so the app
 * keeps it as its own data.
 */
export async function importWithApp(url: string): Promise<ImportResult> {
  const started = performance.now()
  await importPlanData({ url, source: 'build' })
  const ms = performance.now() - started
  const points = await db.points.count()
  return { points, ms, recordsPerSecond: points / (ms / 1000) }
}

/** Floor on the page's thread (4× throttled): the corpus's rows put with plain IndexedDB in one transaction. */
export function importRaw(indexes = true): Promise<ImportResult> {
  return rawPut(loaded(), indexes)
}

/** Floor in a dedicated worker, like the app's import: download, JSON.parse and the raw put. */
export function importRawInWorker(url: string): Promise<WorkerFloor> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./raw-put-worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = ({ data }: MessageEvent<WorkerFloor | { error: string }>) => {
      worker.terminate()
      if ('error' in data)
        reject(new Error(data.error))
      else
        resolve(data)
    }
    worker.onerror = (e) => {
      worker.terminate()
      reject(new Error(e.message))
    }
    worker.postMessage({ url })
  })
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

/** ms to read and count a board (getBoardData), with its parts: the rows read and the figures computed. */
export async function timeBoardData(kind: 'plan' | 'theme', id: string): Promise<{ ms: number, sections: number }> {
  const { getBoardData } = await import('~/db/board')
  const started = performance.now()
  const data = await getBoardData({ kind, id })
  return { ms: performance.now() - started, sections: data.mine.sections.length }
}
