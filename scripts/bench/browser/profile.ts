import type { ImportResult } from './bench-api'
import type { WorkerFloor } from './raw-put'
import { callBench, loadBenchApi, openProfile, throttle, waitForServiceWorker } from './session'

export interface StoredProfile {
  dir: string
  points: number
  /** The app's import (importPlanData: its plan-data worker) and the raw IndexedDB baseline on the 4× throttled page. */
  app: ImportResult
  raw: ImportResult
  /** The raw baseline in a dedicated worker, where the app imports (download + parse + put). */
  rawWorker: WorkerFloor
  /** The raw baseline into a store without indexes (only when asked). */
  rawNoIndexes?: ImportResult
}

/**
 * Prepares a browser profile the way a user's would be: the app visited once (service worker installed, the
 * build's plan data loaded), then the synthetic corpus imported the way the app imports new plan data
 * (importPlanData on its URL) — timed, beside the raw IndexedDB baselines on the page and in a worker. The import runs in an empty same-origin page with the service worker bypassed, so the app
 * itself does no work meanwhile.
 */
export async function prepareProfile(baseUrl: string, dir: string, corpusUrl: string, blankUrl: string, withoutIndexes = false): Promise<StoredProfile> {
  const visit = await openProfile(dir)
  try {
    const { page } = visit
    await page.goto(baseUrl)
    await waitForServiceWorker(page)
    await loadBenchApi(page)
    // The app loads its build's plan data on first run; wait for it, or it could land after the corpus.
    await page.waitForFunction(() => (window as unknown as { bench: { storedDataIsBuilds: () => Promise<boolean> } }).bench.storedDataIsBuilds(), undefined, { timeout: 120_000, polling: 250 })
  }
  finally {
    await visit.context.close()
  }

  const { context, page } = await openProfile(dir, { serviceWorkers: 'block' })
  try {
    await page.goto(`${baseUrl}${blankUrl}`)
    await loadBenchApi(page)
    const points = await callBench(page, 'loadCorpus', `${baseUrl}${corpusUrl}`)
    await throttle(page)
    const raw = await callBench(page, 'importRaw', true)
    const rawNoIndexes = withoutIndexes ? await callBench(page, 'importRaw', false) : undefined
    const rawWorker = await callBench(page, 'importRawInWorker', `${baseUrl}${corpusUrl}`)
    const app = await callBench(page, 'importWithApp', `${baseUrl}${corpusUrl}`)
    const stored = await callBench(page, 'storedPoints')
    if (stored !== points)
      throw new Error(`imported ${points} points but ${stored} are stored`)
    await callBench(page, 'dropCorpus')
    return { dir, points, app, raw, rawWorker, rawNoIndexes }
  }
  finally {
    await context.close()
  }
}
