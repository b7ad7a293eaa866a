/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'

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
