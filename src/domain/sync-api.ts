import { LOCAL_OWNER } from './owner'
import { PASSWORD_MAX_LENGTH } from './password-policy'
import { PHOTO_HASH_PATTERN, PHOTOS_PER_CHECKIN } from './photo-rules'
import { CheckinSchema, FavoriteSchema, MutationSchema } from './progress'
import { storableText } from './storable-text'
import { PULL_DEFAULT_LIMIT, PULL_MAX_LIMIT, PUSH_MAX_MUTATIONS, REJECT_REASON_LABELS, REJECT_REASONS, rejectReasonLabel, UNIT_MAX_LENGTH, USER_NAME_MAX_LENGTH } from './sync-rules'
import { z } from './zod'

/**
 * The wire contract of the sync API (DESIGN.md §4), shared by the PWA's sync
 * client and the server. Bodies are JSON; errors are `{ error: string }`. The server validates with these schemas;
 * the client takes their types and checks the answers' shapes with wire-guards.ts (no zod in its bundles).
 */

// The constants live in sync-rules.ts (no zod, for the client); the server imports them from here too.
export { LOCAL_OWNER }
export { PULL_DEFAULT_LIMIT, PULL_MAX_LIMIT, PUSH_MAX_MUTATIONS, REJECT_REASON_LABELS, rejectReasonLabel, UNIT_MAX_LENGTH, USER_NAME_MAX_LENGTH }

/** An account name: trimmed, storable, and never 本机 (the owner of data made while signed out). */
export const UserNameSchema = storableText(z.string().trim().min(1).max(USER_NAME_MAX_LENGTH))
  .refine(name => name !== LOCAL_OWNER, `"${LOCAL_OWNER}" is reserved for data made without an account`)
export const UnitSchema = storableText(z.string().trim().min(1).max(UNIT_MAX_LENGTH))

export const LoginRequestSchema = z.object({
  name: storableText(z.string().min(1).max(USER_NAME_MAX_LENGTH)),
  // The same ceiling as at creation (password-policy.ts), so every password that was accepted can sign in.
  password: storableText(z.string().min(1).max(PASSWORD_MAX_LENGTH)),
})

export const SessionUserSchema = z.object({
  name: z.string(),
  unit: z.string(),
  admin: z.boolean(),
})

export const LoginResponseSchema = z.object({
  /** Sent back as `Authorization: Bearer <token>`. */
  token: z.string(),
  expiresAt: z.string(),
  user: SessionUserSchema,
})

export const PushRequestSchema = z.object({
  mutations: z.array(MutationSchema).max(PUSH_MAX_MUTATIONS),
})

export const RejectReasonSchema = z.enum(REJECT_REASONS)

export const MutationResultSchema = z.discriminatedUnion('status', [
  z.object({ id: z.string(), status: z.literal('accepted') }),
  z.object({
    id: z.string(),
    status: z.literal('rejected'),
    // A plain string on the wire, so a newer server's reason reaches an older client as words, not a parse failure.
    reason: z.string(),
    /** The offending field, e.g. `checkin.note`, where the reason concerns one. */
    field: z.string().optional(),
  }),
])

/** One result per pushed mutation, in request order. */
export const PushResponseSchema = z.object({
  results: z.array(MutationResultSchema),
})

/** A check-in as pulled: the user's own, or (read-only) a colleague's of the same unit. */
export const PulledCheckinSchema = CheckinSchema.extend({
  author: z.string(),
  mine: z.boolean(),
  /** Hashes of its 佐证 photos uploaded so far, in order (GET /api/photos/:hash); absent when none. */
  photos: z.array(z.string().regex(PHOTO_HASH_PATTERN)).max(PHOTOS_PER_CHECKIN).optional(),
})

export const PullResponseSchema = z.object({
  checkins: z.array(PulledCheckinSchema),
  /** Only the user's own favorites; the current state per point. */
  favorites: z.array(FavoriteSchema),
  /** Opaque; pass it back as `?cursor=` to get what changed after this page. */
  nextCursor: z.string(),
  hasMore: z.boolean(),
})

export type LoginRequest = z.infer<typeof LoginRequestSchema>
export type LoginResponse = z.infer<typeof LoginResponseSchema>
export type SessionUser = z.infer<typeof SessionUserSchema>
export type PushRequest = z.infer<typeof PushRequestSchema>
export type RejectReason = z.infer<typeof RejectReasonSchema>
export type MutationResult = z.infer<typeof MutationResultSchema>
export type PushResponse = z.infer<typeof PushResponseSchema>
export type PulledCheckin = z.infer<typeof PulledCheckinSchema>
export type PullResponse = z.infer<typeof PullResponseSchema>
