import type { MiddlewareHandler } from 'hono'
import type { Logger } from 'pino'
import type { AuthEnv } from './http/auth'
import type { PhotoRefusal } from './storage/photos'
import type { Store } from './store/store'
import { createHash } from 'node:crypto'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { PHOTO_HASH_PATTERN, PHOTO_MAX_BYTES, PHOTO_QUOTA_BYTES, PHOTO_TYPES, PHOTOS_PER_CHECKIN } from '../src/domain/photo-rules'
import { z } from '../src/domain/zod'
import { HttpError, parseOr400, UNREAD_BODY_HEADERS } from './http/errors'
import { readPhoto, storePhoto } from './storage/photos'

export interface PhotoLimits {
  /** Bytes one photo may have (413 above). */
  maxBytes: number
  /** Bytes of photos one user may store (413 above). */
  quotaBytes: number
}

export interface PhotosDeps {
  store: Store
  logger: Logger
  requireUser: MiddlewareHandler<AuthEnv>
  limits?: Partial<PhotoLimits>
}

const HashParamSchema = z.object({ hash: z.string().regex(PHOTO_HASH_PATTERN, 'expected the lowercase hex sha256 of the photo') })
const UploadQuerySchema = z.object({
  checkin: z.guid('expected the id of one of your check-ins'),
  position: z.coerce.number().int().min(0).max(PHOTOS_PER_CHECKIN - 1).default(0),
})

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`

/** The first bytes of each stored type: a body that claims to be a JPEG must be one. */
function looksLike(type: string, bytes: Uint8Array): boolean {
  const starts = (...head: number[]) => head.every((b, i) => bytes[i] === b)
  if (type === 'image/jpeg')
    return starts(0xFF, 0xD8, 0xFF)
  if (type === 'image/png')
    return starts(0x89, 0x50, 0x4E, 0x47)
  return starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP'
}

function refusalError(refusal: PhotoRefusal, limits: PhotoLimits, used = 0): HttpError {
  switch (refusal) {
    case 'checkin_not_found':
      // 409, not 404: the check-in may still be on its way (the phone pushes it first and retries the photo).
      return new HttpError(409, 'check-in not found: 照片所属的打卡尚未同步到服务器', {}, { code: 'checkin_not_found' })
    case 'too_many_photos':
      return new HttpError(409, `too many photos: 每条打卡最多 ${PHOTOS_PER_CHECKIN} 张照片`, {}, { code: 'too_many_photos' })
    case 'quota_exceeded':
      return new HttpError(413, `photo quota exceeded: 照片空间已用完（已用 ${kb(used)}，上限 ${kb(limits.quotaBytes)}），请联系管理员`, {}, { code: 'photo_quota_exceeded', used, quota: limits.quotaBytes })
  }
}

/**
 * /api/photos: PUT /:hash?checkin=&position= uploads one 佐证 photo of a check-in already pushed (idempotent on the
 * hash, which the server recomputes); GET /:hash serves it to its owner and to colleagues of the check-in's unit.
 */
export function createPhotosApi(deps: PhotosDeps) {
  const { store, logger, requireUser } = deps
  const limits: PhotoLimits = { maxBytes: PHOTO_MAX_BYTES, quotaBytes: PHOTO_QUOTA_BYTES, ...deps.limits }
  const api = new Hono<AuthEnv>()

  api.put(
    '/:hash',
    requireUser,
    bodyLimit({
      maxSize: limits.maxBytes,
      onError: () => {
        throw new HttpError(413, `photo too large: 单张照片不能超过 ${kb(limits.maxBytes)}`, UNREAD_BODY_HEADERS, { code: 'photo_too_large', limit: limits.maxBytes })
      },
    }),
    async (c) => {
      const { hash } = parseOr400(HashParamSchema, c.req.param(), 'path')
      const query = parseOr400(UploadQuerySchema, c.req.query(), 'query')
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
      if (!(PHOTO_TYPES as readonly string[]).includes(type))
        throw new HttpError(415, `unsupported photo type: 只接受 JPEG、PNG 或 WebP 照片`, {}, { code: 'photo_type' })
      const bytes = new Uint8Array(await c.req.arrayBuffer())
      if (bytes.byteLength === 0)
        throw new HttpError(400, 'photo is empty: 照片内容为空', {}, { code: 'photo_empty' })
      if (!looksLike(type, bytes))
        throw new HttpError(415, 'not an image: 文件内容不是所声明的图片格式', {}, { code: 'photo_type' })
      if (createHash('sha256').update(bytes).digest('hex') !== hash)
        throw new HttpError(400, 'photo hash mismatch: 照片内容与校验值不符（可能传输中损坏），请重试', {}, { code: 'photo_hash_mismatch' })
      const user = c.get('user')
      const result = await storePhoto(store, user, { hash, contentType: type, bytes, checkinId: query.checkin.toLowerCase(), position: query.position }, limits.quotaBytes)
      if (!result.ok)
        throw refusalError(result.refusal, limits, result.used)
      if (result.stored)
        logger.info({ user: user.name, size: bytes.byteLength }, 'photo stored')
      return c.json({ hash, stored: result.stored, linked: result.linked }, result.stored ? 201 : 200)
    },
  )

  api.get('/:hash', requireUser, async (c) => {
    const { hash } = parseOr400(HashParamSchema, c.req.param(), 'path')
    const photo = await readPhoto(store, c.get('user'), hash)
    // The same answer for a photo that does not exist and one the viewer may not see: nothing to probe.
    if (!photo)
      throw new HttpError(404, 'photo not found: 照片不存在或无权查看', {}, { code: 'photo_not_found' })
    return c.body(photo.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': photo.contentType,
      'Content-Length': String(photo.bytes.byteLength),
      // Only for this signed-in viewer, and not kept by the HTTP cache: the app keeps its own budgeted copy.
      'Cache-Control': 'private, no-store',
    })
  })

  return api
}
