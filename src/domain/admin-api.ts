import { passwordProblem } from './password-policy'
import { storableText } from './storable-text'
import { UnitSchema, USER_NAME_MAX_LENGTH, UserNameSchema } from './sync-api'
import { z } from './zod'

/**
 * The wire contract of the account admin API (`/api/admin/users…`), shared by the server and `npm run user`.
 * Callers are an admin's bearer token, or the local control token of a PGlite server (loopback only).
 * Errors are `{ error: string }` like the rest of the API.
 */

/** A new password: any text the password policy accepts (the reason is the 400's message when it does not). */
export const NewPasswordSchema = z.string().superRefine((password, ctx) => {
  const problem = passwordProblem(password)
  if (problem)
    ctx.addIssue({ code: 'custom', message: problem })
})

/** A name in a path or a lookup: storable, but not re-checked against today's naming rules, so older accounts stay reachable. */
export const UserNameLookupSchema = storableText(z.string().min(1).max(USER_NAME_MAX_LENGTH))

/** `POST /api/admin/users` */
export const CreateUserRequestSchema = z.object({
  name: UserNameSchema,
  unit: UnitSchema,
  admin: z.boolean().default(false),
  password: NewPasswordSchema,
}).superRefine((body, ctx) => {
  // The policy also refuses a password that is only the name with a few characters added.
  const problem = passwordProblem(body.password, body.name)
  if (problem && !passwordProblem(body.password))
    ctx.addIssue({ code: 'custom', path: ['password'], message: problem })
})

/** `PATCH /api/admin/users/:name`: the fields to change (at least one). */
export const UpdateUserRequestSchema = z.object({
  unit: UnitSchema.optional(),
  admin: z.boolean().optional(),
}).refine(body => body.unit !== undefined || body.admin !== undefined, 'give unit or admin to change')

/** `PUT /api/admin/users/:name/password` */
export const SetPasswordRequestSchema = z.object({ password: NewPasswordSchema })

export const AdminUserSchema = z.object({
  name: z.string(),
  unit: z.string(),
  admin: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
  /** Check-ins stored for this account (they are deleted with it). */
  checkins: z.number().int(),
  /** Sessions neither expired nor revoked. */
  activeSessions: z.number().int(),
})

/** `GET /api/admin/users` */
export const UserListResponseSchema = z.object({ users: z.array(AdminUserSchema) })

/** Created (201), updated, enabled: the account as it is now. */
export const UserResponseSchema = z.object({ user: AdminUserSchema })

/** Disabled, or its password reset: the account, and how many of its sessions were revoked with it. */
export const UserChangeResponseSchema = z.object({ user: AdminUserSchema, revokedSessions: z.number().int() })

/**
 * `DELETE /api/admin/users/:name[?withCheckins=1]`: an account with check-ins is only removed with
 * `withCheckins=1` (else 409 with `checkins`), because its check-ins are deleted with it.
 */
export const RemoveUserResponseSchema = z.object({ name: z.string(), removed: z.literal(true), checkins: z.number().int() })
export const RemoveRefusedResponseSchema = z.object({ error: z.string(), checkins: z.number().int() })

export const SessionStateSchema = z.enum(['active', 'expired', 'revoked'])

/** A session as an admin sees it: an opaque id (never the token or its hash) and its dates. */
export const AdminSessionSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  state: SessionStateSchema,
})

/** `GET /api/admin/users/:name/sessions`, newest first. */
export const SessionListResponseSchema = z.object({ sessions: z.array(AdminSessionSchema) })

/** `DELETE /api/admin/users/:name/sessions[/:id]`: how many live sessions were revoked. */
export const RevokeResponseSchema = z.object({ revoked: z.number().int() })

export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>
export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>
export type AdminUser = z.infer<typeof AdminUserSchema>
export type AdminSession = z.infer<typeof AdminSessionSchema>
export type SessionState = z.infer<typeof SessionStateSchema>
