/**
 * The import floor: point rows put with the plain IndexedDB API in ONE transaction, no Dexie, no checks. Runs in the
 * page (4× throttled) and in a dedicated worker (raw-put-worker.ts, where the app imports), so the app's import
 * stands beside the floor of the same thread kind.
 */
import type { ImportResult } from './bench-api'
import type { PlanData } from '~/domain/plan'
import { toPointRows } from '~/db/points'

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

const RAW_DB = 'ydt-bench-raw'

function countPoints(data: PlanData): number {
  return data.plans.reduce((n, p) => n + p.sections.reduce((m, s) => m + s.points.length, 0), 0)
}

/**
 * Puts every point row of `data` into a fresh store with the app's point indexes (deadline, [planId+order],
 * multi-entry linksTo), or none with `indexes` false: what index upkeep costs.
 */
export async function rawPut(data: PlanData, indexes = true): Promise<ImportResult> {
  await request(indexedDB.deleteDatabase(RAW_DB))
  const open = indexedDB.open(RAW_DB, 1)
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore('points', { keyPath: 'id' })
    if (!indexes)
      return
    store.createIndex('deadline', 'deadline')
    store.createIndex('planId_order', ['planId', 'order'])
    store.createIndex('linksTo', 'linksTo', { multiEntry: true })
  }
  const raw = await request(open)
  try {
    const started = performance.now()
    const tx = raw.transaction('points', 'readwrite')
    const store = tx.objectStore('points')
    for (const plan of data.plans) {
      for (const row of toPointRows(plan))
        store.put(row)
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
      tx.onabort = () => reject(tx.error ?? new Error('aborted'))
    })
    const ms = performance.now() - started
    const points = countPoints(data)
    return { points, ms, recordsPerSecond: points / (ms / 1000) }
  }
  finally {
    raw.close()
    await request(indexedDB.deleteDatabase(RAW_DB))
  }
}

/** The worker floor's answer: the put alone, and with the download and JSON parse before it (what the app's worker also does). */
export interface WorkerFloor { put: ImportResult, withDownloadMs: number }
