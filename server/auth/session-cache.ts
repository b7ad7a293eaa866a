import type { User } from '../storage/users'
import type { Queryable } from '../store/store'
import { revokeSession, sessionForToken } from '../storage/sessions'
import { hashToken } from './tokens'

/**
 * Remembers token → user for a few seconds, so a busy client's requests do not each
 * cost a session lookup. Sign-out through this process takes effect at once; a token
 * revoked by another server process on the same PostgreSQL works for at most `ttlMs`.
 */
export function createSessionCache(store: Queryable, options: { ttlMs?: number, max?: number, now?: () => number } = {}) {
  const ttlMs = options.ttlMs ?? 10_000
  const max = options.max ?? 10_000
  const now = options.now ?? Date.now
  const cache = new Map<string, { user: User, expiresAt: number, until: number }>()

  return {
    /** The user of a live token, or undefined when it is unknown, expired or revoked. */
    async userFor(token: string): Promise<User | undefined> {
      const key = hashToken(token)
      const at = now()
      const hit = cache.get(key)
      if (hit && hit.until > at && hit.expiresAt > at)
        return hit.user
      cache.delete(key)
      const session = await sessionForToken(store, token)
      if (!session)
        return undefined
      if (cache.size >= max)
        cache.clear()
      cache.set(key, { user: session.user, expiresAt: session.expiresAt.getTime(), until: at + ttlMs })
      return session.user
    },
    /** Revokes the token in the store and forgets it here. */
    async revoke(token: string): Promise<void> {
      cache.delete(hashToken(token))
      await revokeSession(store, token)
    },
  }
}
