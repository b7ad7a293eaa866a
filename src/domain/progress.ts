import { InstantSchema } from './instant'
import { CHECKIN_STATUSES, DEVICE_ID_MAX_LENGTH, NOTE_MAX_LENGTH, POINT_ID_MAX_LENGTH, PROGRESS_MAX, UUID_PATTERN } from './progress-rules'
import { storableText } from './storable-text'
import { z } from './zod'

/**
 * Progress records (打卡) and favorites, and the sync mutations that carry them
 * (DESIGN.md §4). Shared by the PWA (Dexie rows, outbox) and the server (push/pull); the PWA takes only the types
 * (its checks are record-checks.ts and wire-guards.ts, without zod) and the constants in progress-rules.ts.
 */

export const CheckinStatusSchema = z.enum(CHECKIN_STATUSES)

const uuid = z.string().regex(UUID_PATTERN, 'expected a UUID')
const pointId = storableText(z.string().min(1).max(POINT_ID_MAX_LENGTH))
const deviceId = storableText(z.string().min(1).max(DEVICE_ID_MAX_LENGTH))

/**
 * A check-in is an append-only event; an edit is a new event. Ids are client-made UUIDv7. Every string is one
 * PostgreSQL can store and every instant is kept to the millisecond in UTC, so the client's copy and the
 * server's compare equal.
 */
export const CheckinSchema = z.object({
  id: uuid,
  pointId,
  status: CheckinStatusSchema,
  progress: z.number().int().min(0).max(PROGRESS_MAX),
  note: storableText(z.string().max(NOTE_MAX_LENGTH)),
  createdAt: InstantSchema,
  deviceId,
})

/** Favorites are last-writer-wins per (user, point) on (updatedAt, deviceId). */
export const FavoriteSchema = z.object({
  pointId,
  on: z.boolean(),
  updatedAt: InstantSchema,
  deviceId,
})

export const MutationSchema = z.discriminatedUnion('kind', [
  z.object({ id: uuid, kind: z.literal('checkin.create'), checkin: CheckinSchema }),
  z.object({ id: uuid, kind: z.literal('favorite.set'), favorite: FavoriteSchema }),
])

export type CheckinStatus = z.infer<typeof CheckinStatusSchema>
export type Checkin = z.infer<typeof CheckinSchema>
export type Favorite = z.infer<typeof FavoriteSchema>
export type Mutation = z.infer<typeof MutationSchema>
