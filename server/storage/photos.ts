import type { Queryable, Store } from '../store/store'
import type { User } from './users'
import { PHOTOS_PER_CHECKIN } from '../../src/domain/photo-rules'

export interface PhotoUpload {
  hash: string
  contentType: string
  bytes: Uint8Array
  checkinId: string
  position: number
}

/** Why an upload was refused; the HTTP layer turns each into its status and words. */
export type PhotoRefusal = 'checkin_not_found' | 'too_many_photos' | 'quota_exceeded'

export type StorePhotoResult
  = | { ok: true, stored: boolean, linked: boolean }
    | { ok: false, refusal: PhotoRefusal, used?: number }

async function ownCheckinExists(tx: Queryable, user: User, checkinId: string): Promise<boolean> {
  return (await tx.query('select 1 from checkins where user_id = $1 and id = $2::uuid', [user.id, checkinId])).length > 0
}

/**
 * Stores a photo of `user` and links it to one of their check-ins, in one transaction. Idempotent on the hash:
 * the same photo sent again stores nothing and counts against the quota once. The user's row is locked so two
 * uploads at once cannot both squeeze under the quota.
 */
export async function storePhoto(store: Store, user: User, upload: PhotoUpload, quotaBytes: number): Promise<StorePhotoResult> {
  return store.transaction(async (tx) => {
    await tx.query('select id from users where id = $1 for update', [user.id])
    if (!(await ownCheckinExists(tx, user, upload.checkinId)))
      return { ok: false, refusal: 'checkin_not_found' }
    const linked = await tx.query<{ hash: string }>('select hash from checkin_photos where user_id = $1 and checkin_id = $2::uuid', [user.id, upload.checkinId])
    const alreadyLinked = linked.some(row => row.hash === upload.hash)
    if (!alreadyLinked && linked.length >= PHOTOS_PER_CHECKIN)
      return { ok: false, refusal: 'too_many_photos' }
    const known = (await tx.query('select 1 from photos where user_id = $1 and hash = $2', [user.id, upload.hash])).length > 0
    if (!known) {
      const [{ used }] = await tx.query<{ used: string }>('select coalesce(sum(size), 0)::text as used from photos where user_id = $1', [user.id]) as [{ used: string }]
      if (Number(used) + upload.bytes.byteLength > quotaBytes)
        return { ok: false, refusal: 'quota_exceeded', used: Number(used) }
      await tx.query(
        'insert into photos (user_id, hash, content_type, size, bytes) values ($1, $2, $3, $4, $5)',
        [user.id, upload.hash, upload.contentType, upload.bytes.byteLength, Buffer.from(upload.bytes.buffer, upload.bytes.byteOffset, upload.bytes.byteLength)],
      )
    }
    if (!alreadyLinked) {
      await tx.query('insert into checkin_photos (user_id, checkin_id, hash, position) values ($1, $2::uuid, $3, $4)', [user.id, upload.checkinId, upload.hash, upload.position])
      // A new change for pull: colleagues who already pulled the check-in get it again, now with this photo.
      await tx.query('update checkins set seq = nextval(\'change_seq\') where user_id = $1 and id = $2::uuid', [user.id, upload.checkinId])
    }
    return { ok: true, stored: !known, linked: !alreadyLinked }
  })
}

export interface StoredPhoto { contentType: string, bytes: Uint8Array }

/**
 * A photo `viewer` may see: one they uploaded, or one linked to a check-in of the viewer's unit (a colleague's).
 * Checked on every request; anyone else gets nothing, the same as for a hash nobody stored.
 */
export async function readPhoto(store: Queryable, viewer: User, hash: string): Promise<StoredPhoto | undefined> {
  const rows = await store.query<{ content_type: string, bytes: Uint8Array }>(
    `select p.content_type, p.bytes from photos p
      where p.hash = $1 and (p.user_id = $2 or exists (
        select 1 from checkin_photos l join checkins c on c.user_id = l.user_id and c.id = l.checkin_id
         where l.user_id = p.user_id and l.hash = p.hash and c.unit = $3))
      limit 1`,
    [hash, viewer.id, viewer.unit],
  )
  const row = rows[0]
  return row ? { contentType: row.content_type, bytes: new Uint8Array(row.bytes) } : undefined
}

/** Bytes of photos `user` stores on the server (what the quota counts). */
export async function photoBytesUsed(store: Queryable, user: User): Promise<number> {
  const [row] = await store.query<{ used: string }>('select coalesce(sum(size), 0)::text as used from photos where user_id = $1', [user.id])
  return Number(row?.used ?? 0)
}
