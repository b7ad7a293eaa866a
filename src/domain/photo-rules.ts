/**
 * The limits of 佐证 photos, shared by the phone (which compresses to fit) and the server (which refuses what
 * does not). No zod here: the service worker and the first-visit bundle may import it.
 */

/** Photos one check-in may carry. */
export const PHOTOS_PER_CHECKIN = 9
/** The long side of a stored photo, in pixels. */
export const PHOTO_MAX_EDGE = 1600
/** What the phone compresses to (bytes): the 400 KB. */
export const PHOTO_TARGET_BYTES = 400_000
/** What the server accepts for one photo: the target plus headroom for an encoder that overshoots a little. */
export const PHOTO_MAX_BYTES = 512 * 1024
/** The long side of the thumbnail made on the phone. */
export const THUMB_MAX_EDGE = 240
/** What a user may store on the server in photos, unless the server is configured otherwise. */
export const PHOTO_QUOTA_BYTES = 200 * 1024 * 1024

/** A photo's id on the wire and on disk: the lowercase hex SHA-256 of its compressed bytes. */
export const PHOTO_HASH_PATTERN = /^[0-9a-f]{64}$/

/** Image types the server stores (the phone always sends JPEG). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
