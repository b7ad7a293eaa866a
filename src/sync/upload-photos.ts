import type { SyncApiClient } from './sync-api-client'
import type { PhotoRow } from '~/db/photos'
import { db } from '~/db/db'
import { HttpError } from './sync-errors'

export interface PhotoUploadSummary {
  uploaded: number
  refused: number
}

/** The server's words after its code prefix ("photo too large: 单张照片…" → "单张照片…"). */
const serverWords = (error: HttpError) => error.message.replace(/^[\w\s-]+:\s*/, '')

/**
 * `owner`'s photos whose check-in the server has: pending ones of synced check-ins, oldest first. A check-in still
 * in the outbox (or set apart) keeps its photos here: the server would not know what to link them to.
 */
export async function duePhotos(owner: string): Promise<PhotoRow[]> {
  const pending = await db.photos.where('[owner+state]').equals([owner, 'pending']).toArray()
  const checkins = await db.checkins.bulkGet([...new Set(pending.map(p => p.checkinId))])
  const synced = new Set(checkins.filter(c => c?.syncState === 'synced').map(c => c!.id))
  return pending.filter(p => synced.has(p.checkinId)).sort((a, b) => (a.id < b.id ? -1 : 1))
}

/**
 * Uploads `owner`'s due photos one at a time with that account's token; each is marked uploaded only after the
 * server answered, so a kill or a dropped connection mid-way just sends that photo again (the server is idempotent
 * on its hash). A refusal that would repeat (too large, quota) sets the photo apart with the server's words; a
 * network failure, a 5xx or a 401 throws, and the next sync run resumes.
 */
export async function uploadPhotos(client: SyncApiClient, token: string, owner: string): Promise<PhotoUploadSummary> {
  const summary: PhotoUploadSummary = { uploaded: 0, refused: 0 }
  for (const photo of await duePhotos(owner)) {
    try {
      await client.uploadPhoto(token, photo)
      await db.photos.update(photo.id, { state: 'uploaded' })
      summary.uploaded++
    }
    catch (error) {
      const retryLater = !(error instanceof HttpError) || error.status >= 500 || [408, 429].includes(error.status) || error.code === 'checkin_not_found'
      if (retryLater)
        throw error
      await db.photos.update(photo.id, { state: 'rejected', rejectReason: serverWords(error) })
      summary.refused++
    }
  }
  return summary
}
