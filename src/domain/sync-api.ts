import { LOCAL_OWNER } from './owner'
import { PASSWORD_MAX_LENGTH } from './password-policy'
import { CheckinSchema, FavoriteSchema, MutationSchema } from './progress'
import { storableText } from './storable-text'
import { z } from './zod'

/**
 * The wire contract of the sync API (DESIGN.md §4), shared by the PWA's sync
 * client and the server. Bodies are JSON; errors are `{ error: string }`.
 */

/** Largest batch `POST /api/sync/push` accepts; the client splits bigger outboxes. */
export const PUSH_MAX_MUTATIONS = 500
/** Default and largest page of `GET /api/sync/pull`. */
export const PULL_DEFAULT_LIMIT = 200
export const PULL_MAX_LIMIT = 1000

export { LOCAL_OWNER }

export const USER_NAME_MAX_LENGTH = 100
export const UNIT_MAX_LENGTH = 200

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

/**
 * Why the server refused a mutation. Rejections are final: retrying the same
 * mutation gets the same answer, so the client drops it from the outbox and shows the reason.
 */
export const RejectReasonSchema = z.enum([
  /** The point id is not in the published plan data. */
  'unknown point',
  /** This user already sent this mutation id with other content. */
  'mutation id reused',
  /** This user already has a check-in with this id and other content. */
  'check-in id taken',
  /** A text field holds a NUL or a lone surrogate, which cannot be stored (`field` names it). */
  'unstorable text',
])

export const REJECT_REASON_LABELS: Record<z.infer<typeof RejectReasonSchema>, string> = {
  'unknown point': '要点不存在（可能已被撤下）',
  'mutation id reused': '同步编号重复，已忽略',
  'check-in id taken': '打卡记录编号冲突，已忽略',
  'unstorable text': '内容含有无法保存的字符（如空字符），服务器无法保存',
}

/** Words for a rejection reason; a reason this client does not know yet is shown as the server wrote it. */
export function rejectReasonLabel(reason: string): string {
  return (REJECT_REASON_LABELS as Record<string, string>)[reason] ?? `服务器拒收：${reason}`
}

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
