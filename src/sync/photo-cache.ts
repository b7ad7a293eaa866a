import type { PhotoCacheRow } from '~/db/photos'
import Dexie from 'dexie'
import { db } from '~/db/db'
import { currentOwner } from '~/db/owner'
import { getSession } from './session'
import { SyncApiClient } from './sync-api-client'

/** Bytes of colleagues' photos one viewer keeps for offline viewing; the least recently shown go first. */
export const PHOTO_CACHE_BUDGET = 50 * 1024 * 1024

const client = new SyncApiClient()

/** Deletes `viewer`'s least recently used cached photos until they fit `budget`. */
export async function trimPhotoCache(viewer: string, budget = PHOTO_CACHE_BUDGET): Promise<number> {
  return db.transaction('rw', db.photoCache, async () => {
    const rows = await db.photoCache.where('[viewer+usedAt]').between([viewer, Dexie.minKey], [viewer, Dexie.maxKey]).toArray()
    let total = rows.reduce((n, r) => n + r.size, 0)
    const gone: [string, string][] = []
    for (const row of rows) {
      if (total <= budget)
        break
      total -= row.size
      gone.push([row.viewer, row.hash])
    }
    await db.photoCache.bulkDelete(gone)
    return gone.length
  })
}

/**
 * A photo to show: the device's own copy (taken here), else the cached copy, else fetched with the signed-in
 * account's token (the server checks the viewer may see it) and cached within the budget. Undefined when signed
 * out or offline without a copy.
 */
export async function loadPhoto(hash: string): Promise<Blob | undefined> {
  const own = await db.photos.where('hash').equals(hash).first()
  const viewer = await currentOwner()
  if (own && own.owner === viewer)
    return own.blob
  const cached = await db.photoCache.get([viewer, hash])
  if (cached) {
    await db.photoCache.update([viewer, hash], { usedAt: Date.now() })
    return cached.blob
  }
  const session = await getSession()
  if (!session || session.user.name !== viewer)
    return undefined
  const blob = await client.photo(session.token, hash)
  // The account may have changed while the photo loaded: it is cached for whoever fetched it.
  await db.photoCache.put({ viewer, hash, blob, size: blob.size, usedAt: Date.now() } satisfies PhotoCacheRow)
  await trimPhotoCache(viewer)
  return blob
}
