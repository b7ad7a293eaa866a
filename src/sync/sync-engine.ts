import type { PushSummary } from './push-outbox'
import { pullChanges } from './pull-changes'
import { pushOutbox } from './push-outbox'
import { refreshPlanData } from './refresh-plans'
import { clearSession, expireSession, getSession, saveSession } from './session'
import { SyncApiClient } from './sync-api-client'
import { AuthError, describeSyncError } from './sync-errors'
import { updateSyncStatus } from './sync-status'

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
}

/**
 * Runs sync: push the outbox, then pull what changed. One run at a time; a request during a run makes one more
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
    await refreshPlanData(this.client).catch(error => console.warn('[sync] plan data not refreshed:', error))
    const session = await getSession()
    if (!session)
      return { kind: 'signed-out' }
    if (session.expired)
      return { kind: 'auth-expired' }
    const now = this.options.now ?? Date.now
    await updateSyncStatus({ running: true, lastAttemptAt: new Date(now()).toISOString() })
    try {
      const pushed = await pushOutbox(this.client, session.token, { now, random: this.options.random })
      const pulled = await pullChanges(this.client, session.token, session.user.name)
      await updateSyncStatus({ running: undefined, lastError: undefined, lastSyncedAt: new Date(now()).toISOString() })
      return { kind: 'synced', pushed, pulled }
    }
    catch (error) {
      if (error instanceof AuthError) {
        await expireSession()
        await updateSyncStatus({ running: undefined, lastError: describeSyncError(error) })
        return { kind: 'auth-expired' }
      }
      const message = describeSyncError(error)
      await updateSyncStatus({ running: undefined, lastError: message })
      return { kind: 'failed', message }
    }
  }

  /** Signs in, stores the session and pulls the account's history and favorites. */
  async signIn(name: string, password: string): Promise<SyncOutcome> {
    const login = await this.client.login(name, password)
    await saveSession({ token: login.token, expiresAt: login.expiresAt, user: login.user })
    return this.syncNow()
  }

  /** Revokes the token on the server when reachable and forgets it here; the outbox stays for the next sign-in. */
  async signOut(): Promise<void> {
    const session = await getSession()
    if (session)
      await this.client.logout(session.token)
    await clearSession()
    await updateSyncStatus({ lastError: undefined })
  }
}
