import type { Queryable } from '../store/store'
import type { User } from './users'
import { hashToken, newToken, TOKEN_TTL_MS } from '../auth/tokens'

/** Starts a session for `userId`; returns the token (only its hash is stored) and when it expires. */
export async function createSession(store: Queryable, userId: string, now = new Date()): Promise<{ token: string, expiresAt: Date }> {
  const token = newToken()
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS)
  await store.query(
    'insert into sessions (token_hash, user_id, created_at, expires_at) values ($1, $2, $3, $4)',
    [hashToken(token), userId, now.toISOString(), expiresAt.toISOString()],
  )
  return { token, expiresAt }
}

export interface LiveSession { user: User, expiresAt: Date }

/**
 * The live sessions (unexpired, unrevoked, account not disabled) of several tokens in one statement, by token hash:
 * concurrent requests share one lookup.
 */
export async function sessionsForTokenHashes(store: Queryable, hashes: string[]): Promise<Map<string, LiveSession>> {
  const rows = await store.query<{ token_hash: string, id: string, name: string, unit: string, is_admin: boolean, expires_at: Date | string }>(
    `select s.token_hash, u.id::text as id, u.name, u.unit, u.is_admin, s.expires_at
       from sessions s join users u on u.id = s.user_id
      where s.token_hash = any($1::text[]) and s.revoked_at is null and s.expires_at > now() and u.disabled_at is null`,
    [hashes],
  )
  return new Map(rows.map(row => [row.token_hash, { user: { id: row.id, name: row.name, unit: row.unit, admin: row.is_admin }, expiresAt: new Date(row.expires_at) }]))
}

/** Revokes a token; later requests with it get 401. */
export async function revokeSession(store: Queryable, token: string): Promise<void> {
  await store.query('update sessions set revoked_at = now() where token_hash = $1 and revoked_at is null', [hashToken(token)])
}

/** Revokes the live sessions of a user (or only the one with `sessionId`); returns how many were revoked. */
export async function revokeUserSessions(store: Queryable, userId: string, sessionId?: string): Promise<number> {
  const rows = await store.query(
    `update sessions set revoked_at = now()
      where user_id = $1 and revoked_at is null and expires_at > now() and ($2::uuid is null or id = $2::uuid)
      returning 1`,
    [userId, sessionId ?? null],
  )
  return rows.length
}
