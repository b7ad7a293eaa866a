/// <reference lib="webworker" />
import type { ImportFilesList } from './import/import-assets'
import { addPlugins, cleanupOutdatedCaches, createHandlerBoundToURL, matchPrecache, precacheAndRoute } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { CacheFirst } from 'workbox-strategies'
import { replaceOlderBuilds } from './cache/older-builds'
import { storeSharedEntries } from './db/shared-files'
import { LEDGER_TOOL_PATH, LEDGER_TOOLS_CACHE } from './export/ledger-tools'
import { IMPORT_ASSET_DIR, IMPORT_CACHE, IMPORT_FILES_LIST, SHARE_TARGET_PATH } from './import/import-assets'
import { warmImportCache } from './import/import-cache'
import { readSharedForm } from './import/share-target'
import { PHOTO_TOOL_PATH, PHOTO_TOOLS_CACHE } from './photos/photo-tools'
import { REMINDER_SYNC_TAG } from './reminders/notify'
import { isReminderNotification, openReminder, remindFromWorker } from './reminders/sw-reminders'
import { BACKGROUND_SYNC_TAG } from './sync/background-sync-tag'
import { SyncEngine } from './sync/sync-engine'

declare let self: ServiceWorkerGlobalScope

// The page asks for this only when the user taps the update banner, so a new
// version never takes over in the middle of an edit.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING')
    void self.skipWaiting()
  // After the first visit, while online: fetch the import worker and its chunks (not precached, see below).
  if (event.data && event.data.type === 'WARM_IMPORT')
    event.waitUntil(warmImport())
})

// Control the first page at once: without it the app would only work offline
// after a second visit.
self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim())
})

// The app shell and the plan data (data/plan-data.<hash>.json) come from the
// build's precache manifest; each new build brings its own list and revisions.
// Workbox fetches the entries that carry a revision (the shell at /, the manifest, the icon) with cache: 'reload', so a
// first visit downloaded each twice, once for the page and once more here. Revalidating instead is as fresh (the
// server is asked every time) and answers 304 for what the page has just loaded.
addPlugins([{ requestWillFetch: async ({ request }) => request.cache === 'reload' ? new Request(request, { cache: 'no-cache' }) : request }])
precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()

// Every in-app URL (/deck?…, /point/…, /favorites) is the same SPA shell.
// /api/ is never answered from the cache: sync must see the network or fail.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/'), {
  denylist: [/^\/api\//],
}))

// The import worker and the format libraries it loads (assets/import/) are large and most users never import, so
// the build keeps them out of the precache. They are cached when first fetched, and WARM_IMPORT fetches them all
// ahead of time, so an import works offline too. Hashed names: a cached file never goes stale, and warmImport
// deletes the files of older builds.
const importAssets = new URL(`${IMPORT_ASSET_DIR}/`, self.registration.scope).pathname
registerRoute(({ url }) => url.pathname.startsWith(importAssets), new CacheFirst({ cacheName: IMPORT_CACHE }))
// The photo worker and its compression library, the same way: cached when the 打卡 sheet first opens online.
registerRoute(({ url }) => PHOTO_TOOL_PATH.test(url.pathname), new CacheFirst({ cacheName: PHOTO_TOOLS_CACHE, plugins: [replaceOlderBuilds()] }))
// The 工作台账's spreadsheet library, the same way: cached when the export page first opens online.
registerRoute(({ url }) => LEDGER_TOOL_PATH.test(url.pathname), new CacheFirst({ cacheName: LEDGER_TOOLS_CACHE, plugins: [replaceOlderBuilds()] }))

async function warmImport(): Promise<void> {
  const list = await matchPrecache(IMPORT_FILES_LIST)
  if (list)
    await warmImportCache(self.caches, await list.json() as ImportFilesList, self.registration.scope)
}

// Web Share Target (manifest share_target): Android's share sheet posts the files here. They are stored in
// IndexedDB and the import page, opened by the redirect, takes them; a GET after a POST (303) keeps a reload from
// posting the files again.
registerRoute(({ url }) => url.pathname === SHARE_TARGET_PATH, async ({ request }) => {
  let shared = 'failed'
  try {
    const entries = await readSharedForm(await request.formData())
    await storeSharedEntries(entries)
    shared = String(entries.length)
  }
  catch (error) {
    // The import page says the share did not arrive; the user can still pick the file there.
    console.warn('[sw] shared files not stored:', error)
  }
  return Response.redirect(new URL(`import?shared=${shared}`, self.registration.scope).href, 303)
}, 'POST')

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

// Deadline reminders (opt-in on 我的): Periodic Background Sync, where the browser has it, wakes the worker about
// twice a day; it shows at most one notification a day. Its tap opens the list of the points it names.
interface PeriodicSyncEvent extends ExtendableEvent {
  readonly tag: string
}

self.addEventListener('periodicsync', (event) => {
  const periodic = event as PeriodicSyncEvent
  if (periodic.tag === REMINDER_SYNC_TAG)
    periodic.waitUntil(remindFromWorker(self))
})

self.addEventListener('notificationclick', (event) => {
  if (isReminderNotification(event.notification))
    event.waitUntil(openReminder(self, event.notification))
})
