import type { PushSummary } from './push-outbox'
import type { StorePlanData } from './refresh-plans'
import { adoptLocalData, claimUnownedOutbox, clearOwnerData, hasLocalData } from '~/db/owner-data'
import { makeOutboxDueNow } from './outbox-timing'
import { pullChanges } from './pull-changes'
import { pushOutbox } from './push-outbox'
import { refreshPlanData } from './refresh-plans'
import { clearSession, expireSession, forgetTokensToRevoke, getSession, rememberTokenToRevoke, saveSession, settleLocalDataQuestion, tokensToRevoke } from './session'
import { SyncApiClient } from './sync-api-client'
import { AuthError, describeSyncError, NetworkError } from './sync-errors'
import { updateSyncStatus } from './sync-status'
import { uploadPhotos } from './upload-photos'

export type SyncOutcome
  = | { kind: 'synced', pushed: PushSummary, pulled: number }
    | { kind: 'signed-out' }
    | { kind: 'offline' }
    | { kind: 'auth-expired' }
    | { kind: 'failed', message: string }

export interface SyncEngineOptions {
  client?: SyncApiClient
  isOnline?: () => boolean
  now?: () => number
  random?: () => number
  /** Stores plan data the server sent; the page passes its plan-data worker, the service worker stores in place. */
  storePlanData?: StorePlanData
}

/**
 * Runs sync: push the outbox, pull what changed, then upload photos of pushed check-ins. One run at a time; a request during a run makes one more
 * run afterwards, so a change made mid-sync is not left waiting for the next trigger.
 */
export class SyncEngine {
  readonly client: SyncApiClient
  private running: Promise<SyncOutcome> | null = null
  private again = false

  constructor(private readonly options: SyncEngineOptions = {}) {
    this.client = options.client ?? new SyncApiClient()
  }

  /** Starts a run (or joins the current one and queues another). */
  syncNow(): Promise<SyncOutcome> {
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = (async () => {
      let outcome: SyncOutcome
      do {
        this.again = false
        outcome = await this.runOnce()
      } while (this.again && outcome.kind === 'synced')
      return outcome
    })().finally(() => {
      this.running = null
    })
    return this.running
  }

  private async runOnce(): Promise<SyncOutcome> {
    if (this.options.isOnline && !this.options.isOnline())
      return { kind: 'offline' }
    // Plan data is public: even without an account the device picks up newly published plans.
    await refreshPlanData(this.client, this.options.storePlanData).catch(error => console.warn('[sync] plan data not refreshed:', error))
    await this.revokeLeftTokens()
    const session = await getSession()
    if (!session)
      return { kind: 'signed-out' }
    if (session.expired)
      return { kind: 'auth-expired' }
    const now = this.options.now ?? Date.now
    await updateSyncStatus({ running: true, lastAttemptAt: new Date(now()).toISOString() })
    try {
      await claimUnownedOutbox(session.user.name)
      // Only this account's rows go out, with this account's token, whoever signs in meanwhile.
      const pushed = await pushOutbox(this.client, session.token, session.user.name, { now, random: this.options.random })
      const pulled = await pullChanges(this.client, session.token, session.user.name)
      // After the push: a photo is linked to a check-in the server must already hold.
      await uploadPhotos(this.client, session.token, session.user.name)
      await updateSyncStatus({ running: undefined, lastError: undefined, unreachable: undefined, lastSyncedAt: new Date(now()).toISOString() })
      return { kind: 'synced', pushed, pulled }
    }
    catch (error) {
      if (error instanceof AuthError) {
        await expireSession(session.token)
        await updateSyncStatus({ running: undefined, lastError: describeSyncError(error) })
        return { kind: 'auth-expired' }
      }
      const message = describeSyncError(error)
      await updateSyncStatus({ running: undefined, lastError: message, unreachable: error instanceof NetworkError ? true : undefined })
      return { kind: 'failed', message }
    }
  }

  /** Revokes on the server the tokens of sign-outs made offline: a shared phone must not keep them usable. */
  private async revokeLeftTokens(): Promise<void> {
    const tokens = await tokensToRevoke()
    if (tokens.length === 0)
      return
    const results = await Promise.all(tokens.map(token => this.client.logout(token)))
    await forgetTokensToRevoke(tokens.filter((_, i) => results[i]))
  }

  /**
   * Signs in, stores the session and pulls the account's history and favorites. When 本机 data is on the device,
   * the session asks about it (answerLocalDataQuestion); until then none of it is adopted or pushed.
   */
  async signIn(name: string, password: string): Promise<SyncOutcome> {
    const login = await this.client.login(name, password)
    await saveSession({ token: login.token, expiresAt: login.expiresAt, user: login.user, askAboutLocalData: await hasLocalData() })
    // The sync status belonged to whoever was signed in before; this account's rows waiting out a backoff go now.
    await updateSyncStatus({ lastError: undefined, unreachable: undefined, lastSyncedAt: undefined })
    await makeOutboxDueNow()
    return this.syncNow()
  }

  /** 合并到此账号 (`merge`) or 保留在本机 (`keep`) for the 本机 data found at sign-in; a merge is then synced. */
  async answerLocalDataQuestion(answer: 'merge' | 'keep'): Promise<SyncOutcome | undefined> {
    const session = await getSession()
    if (!session)
      return undefined
    if (answer === 'merge')
      await adoptLocalData(session.user.name)
    await settleLocalDataQuestion(session.token)
    return answer === 'merge' ? this.syncNow() : undefined
  }

  /**
   * Revokes the token on the server when reachable and forgets it here. The account's rows and outbox stay on the
   * device for its next sign-in, unless `clearData` (退出并清除本机数据, after the user confirmed the count).
   */
  async signOut(options: { clearData?: boolean } = {}): Promise<void> {
    const session = await getSession()
    if (session && !(await this.client.logout(session.token)))
      await rememberTokenToRevoke(session.token)
    await clearSession()
    if (session && options.clearData) {
      // A run still pulling for this account would put rows back after the clear: let it end first.
      await this.running?.catch(() => undefined)
      await clearOwnerData(session.user.name)
    }
    await updateSyncStatus({ lastError: undefined, unreachable: undefined, lastSyncedAt: undefined })
  }
}
