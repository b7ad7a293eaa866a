import type { MaybeRefOrGetter, Ref } from 'vue'
import type { PhotoRow } from '~/db/photos'
import { onScopeDispose, ref, toValue, watch } from 'vue'
import { db } from '~/db/db'
import { currentOwner } from '~/db/owner'
import { useLiveQuery } from './useLiveQuery'

/** A check-in's photos taken on this device, in the order taken (with their upload state, live). */
export function useCheckinPhotos(checkinId: MaybeRefOrGetter<string>): Ref<PhotoRow[]> {
  return useLiveQuery(
    async () => (await db.photos.where('checkinId').equals(toValue(checkinId)).toArray()).sort((a, b) => a.position - b.position),
    [() => toValue(checkinId)],
    [],
  )
}

export interface PhotoUploadCounts { pending: number, uploaded: number, refused: number }

/** The signed-in owner's photos by upload state, live (我的: 待上传 N 张). */
export function usePhotoUploadCounts(): Ref<PhotoUploadCounts> {
  return useLiveQuery(async () => {
    const owner = await currentOwner()
    const count = (state: PhotoRow['state']) => db.photos.where('[owner+state]').equals([owner, state]).count()
    const [pending, uploaded, refused] = await Promise.all([count('pending'), count('uploaded'), count('rejected')])
    return { pending, uploaded, refused }
  }, undefined, { pending: 0, uploaded: 0, refused: 0 })
}

/**
 * An object URL of a photo by hash (a colleague's, or one pulled for this account), loaded on demand through
 * src/sync (authorized fetch, cached for offline viewing) and revoked when the component goes. `failed` when it
 * could not be loaded (offline without a copy, or not allowed).
 */
export function usePhotoUrl(hash: MaybeRefOrGetter<string>): { url: Ref<string | undefined>, failed: Ref<boolean> } {
  const url = ref<string>()
  const failed = ref(false)
  let alive = true
  const revoke = () => url.value && URL.revokeObjectURL(url.value)
  watch(() => toValue(hash), async (h) => {
    revoke()
    url.value = undefined
    failed.value = false
    try {
      const { loadPhoto } = await import('~/sync/photo-cache')
      const blob = await loadPhoto(h)
      if (!alive || h !== toValue(hash))
        return
      if (blob)
        url.value = URL.createObjectURL(blob)
      else
        failed.value = true
    }
    catch {
      failed.value = alive
    }
  }, { immediate: true })
  onScopeDispose(() => {
    alive = false
    revoke()
  })
  return { url, failed }
}
