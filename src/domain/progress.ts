import { InstantSchema } from './instant'
import { storableText } from './storable-text'
import { z } from './zod'

/**
 * Progress records (打卡) and favorites, and the sync mutations that carry them
 * (DESIGN.md §4). Shared by the PWA (Dexie rows, outbox) and the server (push/pull).
 */

/** 未开始 / 推进中 / 已完成 / 有困难 */
export const CheckinStatusSchema = z.enum(['not_started', 'in_progress', 'done', 'blocked'])

export const CHECKIN_STATUS_LABELS: Record<z.infer<typeof CheckinStatusSchema>, string> = {
  not_started: '未开始',
  in_progress: '推进中',
  done: '已完成',
  blocked: '有困难',
}

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'expected a UUID')
const pointId = storableText(z.string().min(1).max(200))
const deviceId = storableText(z.string().min(1).max(100))
/** Check-in notes are at most this many UTF-16 code units (the sheet's maxlength). */
export const NOTE_MAX_LENGTH = 2000

/**
 * A check-in is an append-only event; an edit is a new event. Ids are client-made UUIDv7. Every string is one
 * PostgreSQL can store and every instant is kept to the millisecond in UTC, so the client's copy and the
 * server's compare equal.
 */
export const CheckinSchema = z.object({
  id: uuid,
  pointId,
  status: CheckinStatusSchema,
  progress: z.number().int().min(0).max(100),
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
