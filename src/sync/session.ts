import type { SessionUser } from '~/domain/sync-api'
import { db } from '~/db/db'
import { META_KEYS } from '~/db/meta'

/** The signed-in account on this device. `expired` keeps the user known while asking them to sign in again. */
export interface Session {
  token: string
  expiresAt: string
  user: SessionUser
  expired: boolean
}

/** Reads the session, if any (IndexedDB, so the service worker can sync too). */
export async function getSession(): Promise<Session | undefined> {
  const row = await db.meta.get(META_KEYS.session)
  return (row?.value as Session | undefined) ?? undefined
}

/** Stores a fresh session after sign-in. */
export async function saveSession(session: Omit<Session, 'expired'>): Promise<void> {
  await db.meta.put({ key: META_KEYS.session, value: { ...session, expired: false } satisfies Session })
}

/** Marks the session expired after a 401: the outbox stays, the UI asks to sign in again. */
export async function expireSession(): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const session = await getSession()
    if (session)
      await db.meta.put({ key: META_KEYS.session, value: { ...session, expired: true } satisfies Session })
  })
}

/** Forgets the session (sign-out); local data and the outbox stay on the device. */
export async function clearSession(): Promise<void> {
  await db.meta.delete(META_KEYS.session)
}

/** Pull cursors are per account: another user signing in on this device starts from the beginning. */
export function cursorKey(userName: string): string {
  return `syncCursor:${userName}`
}
