/**
 * The plan-data worker (plan-data-import.ts): downloads, checks and stores one plan data set off the page's main
 * thread, then closes. Dexie tells the page's live queries about the new rows (its BroadcastChannel).
 */
import type { PlanDataReply, PlanDataRequest } from './plan-data-protocol'
import { storePlanDataHere } from './plan-data-loader'

const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<PlanDataRequest>) => void) | null, postMessage: (m: PlanDataReply) => void, close: () => void }

scope.onmessage = async ({ data: request }) => {
  let reply: PlanDataReply
  try {
    reply = { ok: true, version: await storePlanDataHere(request) }
  }
  catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
  scope.postMessage(reply)
  // A moment for Dexie's change broadcast to leave before the worker goes.
  setTimeout(() => scope.close(), 200)
}
