/** The import floor in a dedicated worker: download + JSON.parse + raw put (raw-put.ts), timed from the request. */
import type { WorkerFloor } from './raw-put'
import type { PlanData } from '~/domain/plan'
import { rawPut } from './raw-put'

const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<{ url: string }>) => void) | null, postMessage: (m: WorkerFloor | { error: string }) => void }

scope.onmessage = async ({ data: { url } }) => {
  try {
    const started = performance.now()
    const res = await fetch(url)
    const data = await res.json() as PlanData
    const put = await rawPut(data)
    scope.postMessage({ put, withDownloadMs: performance.now() - started })
  }
  catch (error) {
    scope.postMessage({ error: error instanceof Error ? error.message : String(error) })
  }
}
