import type { SyncEngine } from './sync-engine'
import { BACKGROUND_SYNC_TAG } from './background-sync-tag'
import { hasDueOutbox, makeOutboxDueNow } from './outbox-timing'

export { BACKGROUND_SYNC_TAG }
export { hasDueOutbox, makeOutboxDueNow, msUntilNextRetry, pendingOutboxIds } from './outbox-timing'

/** How often to look at the outbox while something is waiting to be sent. */
export const PENDING_POLL_MS = 30_000

export interface SchedulerEnv {
  target: Pick<Window, 'addEventListener' | 'removeEventListener'>
  document: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>
  isOnline: () => boolean
  setInterval: (fn: () => void, ms: number) => unknown
  clearInterval: (handle: unknown) => void
  /** Messages from the service worker ({ type: 'sync-now' } after a Background Sync it could not finish). */
  serviceWorker?: Pick<ServiceWorkerContainer, 'addEventListener' | 'removeEventListener'>
}

/**
 * Drains the outbox on start, on `online` (backoff or not), on return to the foreground, on a timer while anything is due, and when
 * the service worker asks. Returns a function that stops it all.
 */
export function startSyncScheduler(engine: Pick<SyncEngine, 'syncNow'>, env: SchedulerEnv): () => void {
  const run = () => {
    if (env.isOnline())
      void engine.syncNow()
  }
  const onVisible = () => {
    if (env.document.visibilityState === 'visible')
      run()
  }
  const onMessage = (event: Event) => {
    if ((event as MessageEvent).data?.type === 'sync-now')
      run()
  }
  // Back online: rows deferred by failures while the network was down go at once, not after their backoff.
  const onOnline = () => {
    if (env.isOnline())
      void makeOutboxDueNow().then(run, run)
  }
  env.target.addEventListener('online', onOnline)
  env.document.addEventListener('visibilitychange', onVisible)
  env.serviceWorker?.addEventListener('message', onMessage)
  const timer = env.setInterval(() => {
    void hasDueOutbox().then(due => due && run())
  }, PENDING_POLL_MS)
  run()
  return () => {
    env.target.removeEventListener('online', onOnline)
    env.document.removeEventListener('visibilitychange', onVisible)
    env.serviceWorker?.removeEventListener('message', onMessage)
    env.clearInterval(timer)
  }
}

/** The scheduler's environment in a browser page. */
export function browserSchedulerEnv(): SchedulerEnv {
  return {
    target: window,
    document,
    isOnline: () => navigator.onLine,
    setInterval: (fn, ms) => window.setInterval(fn, ms),
    clearInterval: handle => window.clearInterval(handle as number),
    serviceWorker: 'serviceWorker' in navigator ? navigator.serviceWorker : undefined,
  }
}

/** Asks the browser for a Background Sync, so the outbox drains even if the app is closed before the signal returns. */
export async function requestBackgroundSync(): Promise<boolean> {
  if (!('serviceWorker' in navigator))
    return false
  const registration = await navigator.serviceWorker.ready
  const sync = (registration as ServiceWorkerRegistration & { sync?: { register: (tag: string) => Promise<void> } }).sync
  if (!sync)
    return false
  await sync.register(BACKGROUND_SYNC_TAG).catch(() => undefined)
  return true
}
