import type { ImportFilesList } from './import-assets'
import { IMPORT_CACHE } from './import-assets'

// The import worker and its chunks are kept out of the precache (they are large, and most users never import):
// they are cached at runtime instead, in IMPORT_CACHE. After the first visit the page asks the service worker to
// fill that cache while the network is there, so an import works offline later. No DOM types: the worker runs this.

/**
 * Brings IMPORT_CACHE in line with this build's list: files missing are fetched, files of older builds deleted.
 * `base` resolves the list's relative paths (the service worker's scope).
 */
export async function warmImportCache(storage: CacheStorage, list: ImportFilesList, base: string): Promise<void> {
  const cache = await storage.open(IMPORT_CACHE)
  const wanted = new Set(list.files.map(f => new URL(f, base).href))
  for (const request of await cache.keys()) {
    if (!wanted.has(request.url))
      await cache.delete(request)
  }
  const cached = new Set((await cache.keys()).map(r => r.url))
  await Promise.all([...wanted].filter(url => !cached.has(url)).map(url => cache.add(url)))
}
