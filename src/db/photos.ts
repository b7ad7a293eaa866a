/**
 * A 佐证 photo as stored on the phone: the compressed image and its thumbnail (both made on the device, EXIF
 * gone), written in the same transaction as its check-in and outbox row, and uploaded after the check-in.
 */
export type PhotoUploadState = 'pending' | 'uploaded' | 'rejected'

export interface PhotoRow {
  /** UUIDv7: key order is the order the photos were taken in. */
  id: string
  checkinId: string
  /** Like the check-in's owner: only that account's token ever uploads it. */
  owner: string
  /** Lowercase hex SHA-256 of `blob`: the photo's id on the server, which makes an upload idempotent. */
  hash: string
  /** Its place among the check-in's photos (0-based). */
  position: number
  blob: Blob
  thumb: Blob
  width: number
  height: number
  state: PhotoUploadState
  /** Why the server refused it, in words 我的 shows. */
  rejectReason?: string
  createdAt: string
}

/** A compressed photo ready to be saved with a check-in (src/photos/prepare-photo.ts makes it). */
export interface PreparedPhoto {
  hash: string
  blob: Blob
  thumb: Blob
  width: number
  height: number
}

/** A colleague's photo kept for offline viewing, per viewer, evicted least recently used first. */
export interface PhotoCacheRow {
  viewer: string
  hash: string
  blob: Blob
  size: number
  /** Epoch ms of the last time it was shown. */
  usedAt: number
}
