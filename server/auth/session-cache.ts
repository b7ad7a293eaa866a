import type { User } from '../storage/users'
import type { Queryable } from '../store/store'
import { revokeSession } from '../storage/sessions'
import { createSessionLookups } from './session-lookups'
import { hashToken } from './tokens'

/**
 * Remembers token → user for a few seconds, so a busy client's requests do not each cost a session lookup.
 * Only safe where this process makes every change to users and sessions (PGlite, whose directory it holds):
 * the API calls clear() after each one. With `ttlMs` 0 nothing is cached (PostgreSQL, where other server
 * processes and `npm run user` change sessions too).
 */
export function createSessionCache(store: Queryable, options: { ttlMs?: number, max?: number, now?: () => number } = {}) {
  const ttlMs = options.ttlMs ?? 10_000
  const max = options.max ?? 10_000
  const now = options.now ?? Date.now
  const cache = new Map<string, { user: User, expiresAt: number, until: number }>()
  // Bumped by clear(), so a lookup that started before a change never caches what it read.
  let generation = 0
  const lookup = createSessionLookups(store)

  return {
    /** The user of a live token, or undefined when it is unknown, expired, revoked or its account disabled. */
    async userFor(token: string): Promise<User | undefined> {
      if (ttlMs <= 0)
        return (await lookup(token))?.user
      const key = hashToken(token)
      const at = now()
      const hit = cache.get(key)
      if (hit && hit.until > at && hit.expiresAt > at)
        return hit.user
      cache.delete(key)
      const started = generation
      const session = await lookup(token)
      if (!session || started !== generation)
        return session?.user
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
    /** Forgets every cached session: called after any change to users or sessions. */
    clear(): void {
      generation++
      cache.clear()
    },
  }
}

export type SessionCache = ReturnType<typeof createSessionCache>
