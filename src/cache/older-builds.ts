import type { WorkboxPlugin } from 'workbox-core'

/**
 * The name of a hashed build file without its hash: `/assets/photo-worker-3fA9x_Lq.js` → `/assets/photo-worker.js`.
 * Undefined for a URL that carries no build hash.
 */
export function unhashedPath(url: string): string | undefined {
  const { pathname } = new URL(url, 'https://x.invalid')
  const m = /^(.*)-[\w-]{8}(\.\w+)$/.exec(pathname)
  return m ? `${m[1]}${m[2]}` : undefined
}

/**
 * For the runtime caches of on-demand tools (photo compression, the ledger's spreadsheet library): once a build's
 * file is cached, the same file of older builds is deleted from that cache. Without it every app update left one
 * more copy of each library on the phone, and nothing ever read them again.
 */
export function replaceOlderBuilds(): WorkboxPlugin {
  return {
    cacheDidUpdate: async ({ cacheName, request }) => {
      const name = unhashedPath(request.url)
      if (!name)
        return
      const cache = await caches.open(cacheName)
      for (const old of await cache.keys()) {
        if (old.url !== request.url && unhashedPath(old.url) === name)
          await cache.delete(old)
      }
    },
  }
}
