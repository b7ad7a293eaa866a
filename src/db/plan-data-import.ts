import type { PlanDataReply, PlanDataRequest } from './plan-data-protocol'
import { planDataWorkerUrl } from 'virtual:worker-urls'
import { storePlanDataHere } from './plan-data-loader'

/**
 * Stores new plan data (the build's or the server's) and answers the version stored. In a page the download, the
 * check and every IndexedDB write run in a dedicated worker: 100,000 point rows take seconds to write, and the
 * page keeps drawing meanwhile (its live queries see the new rows when the worker's transaction commits). Where
 * there are no workers (the service worker, tests) or one cannot start, the same code runs on this thread.
 */
export async function importPlanData(request: PlanDataRequest): Promise<string> {
  if (typeof Worker === 'undefined')
    return storePlanDataHere(request)
  const reply = await inWorker(request)
  if (reply === 'no-worker')
    return storePlanDataHere(request)
  if (!reply.ok)
    throw new Error(reply.message)
  return reply.version
}

function inWorker(request: PlanDataRequest): Promise<PlanDataReply | 'no-worker'> {
  return new Promise((resolve) => {
    let worker: Worker
    try {
      worker = new Worker(planDataWorkerUrl, { type: 'module' })
    }
    catch {
      resolve('no-worker')
      return
    }
    worker.onmessage = ({ data }: MessageEvent<PlanDataReply>) => resolve(data)
    // The worker's script failed to load or run (no module workers): nothing was written, this thread does it.
    worker.onerror = (e) => {
      e.preventDefault()
      worker.terminate()
      resolve('no-worker')
    }
    worker.postMessage(request)
  })
}
