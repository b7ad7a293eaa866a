import type { PreparedPhoto } from '~/db/photos'
import imageCompression from 'browser-image-compression'
import { PHOTO_MAX_EDGE, PHOTO_TARGET_BYTES, THUMB_MAX_EDGE } from '~/domain/photo-rules'

const MB = 1024 * 1024

/** Lowercase hex SHA-256 of the bytes: the photo's content address. */
export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()))
  return Array.from(digest, b => b.toString(16).padStart(2, '0')).join('')
}

/**
 * Compresses a picked image the way it is stored: JPEG re-encoded from a canvas (which drops EXIF, GPS with it,
 * after the browser applied its orientation), at most PHOTO_MAX_EDGE px on the long side and PHOTO_TARGET_BYTES,
 * plus a thumbnail. Runs inside the photo worker (which the page starts on demand, so the library loads with it), so browser-image-compression's own blob-URL worker (which the
 * CSP's worker-src 'self' refuses, and which would load the library from a CDN) is not used.
 */
export async function compressPhoto(file: File): Promise<PreparedPhoto> {
  const common = { useWebWorker: false, fileType: 'image/jpeg', preserveExif: false } as const
  // A little under the target (the library's size check is approximate); a busy scene that still does not fit
  // goes again, smaller, rather than being refused by the server.
  let blob: Blob = file
  for (const edge of [PHOTO_MAX_EDGE, 1280, 1024, 800]) {
    blob = await imageCompression(file, { ...common, maxWidthOrHeight: edge, maxSizeMB: (PHOTO_TARGET_BYTES * 0.95) / MB, initialQuality: 0.85 })
    if (blob.size <= PHOTO_TARGET_BYTES)
      break
  }
  if (blob.size > PHOTO_TARGET_BYTES)
    throw new Error('照片压缩后仍过大')
  const thumb = await imageCompression(blob as File, { ...common, maxWidthOrHeight: THUMB_MAX_EDGE, maxSizeMB: 0.03, initialQuality: 0.7 })
  const bitmap = await createImageBitmap(blob)
  const size = { width: bitmap.width, height: bitmap.height }
  bitmap.close()
  const jpeg = new Blob([blob], { type: 'image/jpeg' })
  return { hash: await sha256Hex(jpeg), blob: jpeg, thumb: new Blob([thumb], { type: 'image/jpeg' }), ...size }
}
