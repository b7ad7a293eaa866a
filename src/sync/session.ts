import type { SessionUser } from '~/domain/sync-api'
import { db } from '~/db/db'
import { cursorKey, META_KEYS } from '~/db/meta'

export { cursorKey }

/** The signed-in account on this device. `expired` keeps the user known while asking them to sign in again. */
export interface Session {
  token: string
  expiresAt: string
  user: SessionUser
  expired: boolean
  /**
   * Set at sign-in when 本机 data (made signed out) is on the device: 我的 asks 合并到此账号 / 保留在本机, and
   * nothing of it is adopted or pushed until the user answers.
   */
  askAboutLocalData?: boolean
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

/** Changes the stored session if it is still the one holding `token` (another account may have signed in since). */
async function updateSessionOf(token: string, change: Partial<Session>): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const session = await getSession()
    if (session?.token === token)
      await db.meta.put({ key: META_KEYS.session, value: { ...session, ...change } satisfies Session })
  })
}

/** Marks the session expired after a 401 for `token`: the outbox stays, the UI asks to sign in again. */
export async function expireSession(token: string): Promise<void> {
  await updateSessionOf(token, { expired: true })
}

/** Records that the 本机 question has been answered for the session holding `token`. */
export async function settleLocalDataQuestion(token: string): Promise<void> {
  await updateSessionOf(token, { askAboutLocalData: false })
}

/** Forgets the session (sign-out); the account's rows and outbox stay on the device. */
export async function clearSession(): Promise<void> {
  await db.meta.delete(META_KEYS.session)
}

const REVOKE_KEY = 'tokensToRevoke'

/** Remembers a token whose sign-out did not reach the server (offline), so a later run revokes it there. */
export async function rememberTokenToRevoke(token: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const tokens = ((await db.meta.get(REVOKE_KEY))?.value as string[] | undefined) ?? []
    if (!tokens.includes(token))
      await db.meta.put({ key: REVOKE_KEY, value: [...tokens, token].slice(-20) })
  })
}

/** Tokens still to revoke on the server. */
export async function tokensToRevoke(): Promise<string[]> {
  return ((await db.meta.get(REVOKE_KEY))?.value as string[] | undefined) ?? []
}

/** Forgets tokens the server has revoked (or no longer knows). */
export async function forgetTokensToRevoke(done: string[]): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const left = (await tokensToRevoke()).filter(t => !done.includes(t))
    await (left.length ? db.meta.put({ key: REVOKE_KEY, value: left }) : db.meta.delete(REVOKE_KEY))
  })
}
