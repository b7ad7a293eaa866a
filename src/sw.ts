/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { BACKGROUND_SYNC_TAG } from './sync/background-sync-tag'
import { SyncEngine } from './sync/sync-engine'

declare let self: ServiceWorkerGlobalScope

// The page asks for this only when the user taps the update banner, so a new
// version never takes over in the middle of an edit.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING')
    void self.skipWaiting()
})

// Control the first page at once: without it the app would only work offline
// after a second visit.
self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim())
})

// The app shell and the plan data (data/plan-data.<hash>.json) come from the
// build's precache manifest; each new build brings its own list and revisions.
precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()

// Every in-app URL (/deck?…, /point/…, /favorites) is the same SPA shell.
// /api/ is never answered from the cache: sync must see the network or fail.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), {
  denylist: [/^\/api\//],
}))

// Background Sync: the page registers BACKGROUND_SYNC_TAG when a change is made offline, and the browser fires
// `sync` once it is back online, even if the app was closed meanwhile. An open, visible page is asked to sync
// itself (it shows progress and owns the retry timer); otherwise the worker pushes and pulls on its own: the
// outbox and the session token both live in IndexedDB. A failed run rejects, so the browser retries later.
interface SyncEvent extends ExtendableEvent {
  readonly tag: string
}

let engine: SyncEngine | undefined

async function syncFromWorker(): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window' })
  const visible = windows.find(client => client.visibilityState === 'visible')
  if (visible) {
    visible.postMessage({ type: 'sync-now' })
    return
  }
  engine ??= new SyncEngine({ isOnline: () => self.navigator.onLine })
  const outcome = await engine.syncNow()
  if (outcome.kind === 'failed')
    throw new Error(outcome.message)
}

self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent
  if (sync.tag === BACKGROUND_SYNC_TAG)
    sync.waitUntil(syncFromWorker())
})
