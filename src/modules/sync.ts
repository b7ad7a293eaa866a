import type { App } from 'vue'
import type { PublishOutcome } from '~/sync/publish-plan'
import type { SyncEngine, SyncOutcome } from '~/sync/sync-engine'
import { liveQuery } from 'dexie'
import { countOwnerData } from '~/db/owner-data'
import { getSession } from '~/sync/session'

// The engine, the scheduler and their zod schemas load after first paint (dynamic import), outside 首页's
// first-load budget. This module only wires triggers to the one engine.
let engine: Promise<SyncEngine> | undefined
const loadScheduler = () => import('~/sync/sync-scheduler')
type SchedulerModule = Awaited<ReturnType<typeof loadScheduler>>

/** The app's one SyncEngine, created on first use. */
export function getSyncEngine(): Promise<SyncEngine> {
  engine ??= Promise.all([import('~/sync/sync-engine'), import('~/db/plan-data-import')])
    .then(([{ SyncEngine }, { importPlanData }]) => new SyncEngine({ isOnline: () => navigator.onLine, storePlanData: importPlanData }))
  return engine
}

// While rows wait out a backoff, wake up when the earliest is due instead of at the next 30 s poll.
let retryTimer: number | undefined
async function scheduleRetry(outcome: SyncOutcome): Promise<void> {
  window.clearTimeout(retryTimer)
  if (outcome.kind !== 'synced' && outcome.kind !== 'failed')
    return // Signed out, offline or needing sign-in: the next sign-in or `online` starts again.
  const wait = await (await loadScheduler()).msUntilNextRetry()
  if (wait === undefined)
    return
  retryTimer = window.setTimeout(() => {
    if (navigator.onLine)
      void runSync()
  }, Math.max(wait, 1_000))
}

/** One sync run by any trigger, followed by the retry timer. */
async function runSync(): Promise<SyncOutcome> {
  const outcome = await (await getSyncEngine()).syncNow()
  void scheduleRetry(outcome)
  return outcome
}

/** 立即同步: sends everything pending now, backoff or not. */
export async function syncNow(): Promise<SyncOutcome> {
  await (await loadScheduler()).makeOutboxDueNow()
  return runSync()
}

/** Signs in and pulls the account's history and favorites; throws the API client's errors for the form to word. */
export async function signIn(name: string, password: string): Promise<SyncOutcome> {
  const outcome = await (await getSyncEngine()).signIn(name, password)
  void scheduleRetry(outcome)
  // Signed in, the phone is online: fetch the photo tools now (the service worker keeps them), so 佐证照片 work
  // offline later too, without the first visit paying for them.
  void import('~/photos/prepare-photo').then(m => m.warmPhotoWorker(), () => undefined)
  return outcome
}

/** Signs out here (and on the server when reachable); the account's data stays unless `clearData` (confirmed by the user). */
export async function signOut(options: { clearData?: boolean } = {}): Promise<void> {
  window.clearTimeout(retryTimer)
  await (await getSyncEngine()).signOut(options)
}

/**
 * 先同步再退出: sends everything pending now and signs out only when nothing of the account is left unsent.
 * Otherwise stays signed in and says why.
 */
export async function syncThenSignOut(): Promise<{ signedOut: true } | { signedOut: false, pending: number, detail: string }> {
  const outcome = await syncNow()
  const session = await getSession()
  const pending = session ? (await countOwnerData(session.user.name)).pending : 0
  if (outcome.kind === 'synced' && pending === 0) {
    await signOut()
    return { signedOut: true }
  }
  const detail = outcome.kind === 'failed'
    ? outcome.message
    : outcome.kind === 'offline' ? '当前离线' : outcome.kind === 'auth-expired' ? '登录已失效，请重新登录' : '稍后会自动重试'
  return { signedOut: false, pending, detail }
}

/**
 * 发布到服务器 (admins): publishes a plan imported here, then syncs at once, so the new server data comes down and
 * the check-ins and favorites held for the plan go up.
 */
export async function publishPlan(planId: string): Promise<PublishOutcome> {
  const { publishLocalPlan } = await import('~/sync/publish-plan')
  const outcome = await publishLocalPlan((await getSyncEngine()).client, planId)
  if (outcome.kind === 'published' && navigator.onLine)
    void runSync()
  return outcome
}

/** Answers the 本机 question asked at sign-in: 合并到此账号 or 保留在本机. */
export async function answerLocalDataQuestion(answer: 'merge' | 'keep'): Promise<void> {
  const outcome = await (await getSyncEngine()).answerLocalDataQuestion(answer)
  if (outcome)
    void scheduleRetry(outcome)
}

/**
 * Sends a local change soon after it is made: at once when online, through Background Sync when offline. Watches
 * the pending ids, not their count: a favorite toggled twice replaces its outbox row and leaves the count alone.
 */
function watchLocalChanges(scheduler: SchedulerModule): void {
  let previous: Set<string> | undefined
  let debounce: number | undefined
  liveQuery(scheduler.pendingOutboxIds).subscribe({
    next: (ids) => {
      const fresh = previous !== undefined && ids.some(id => !previous!.has(id))
      previous = new Set(ids)
      if (!fresh)
        return
      window.clearTimeout(debounce)
      // A short pause gathers a burst of changes into one push.
      debounce = window.setTimeout(() => {
        if (navigator.onLine)
          void runSync()
        else
          void scheduler.requestBackgroundSync()
      }, 300)
    },
    error: (e: unknown) => console.error('[sync]', e),
  })
}

async function start(): Promise<void> {
  const scheduler = await loadScheduler()
  await getSyncEngine()
  scheduler.startSyncScheduler({ syncNow: runSync }, scheduler.browserSchedulerEnv())
  watchLocalChanges(scheduler)
}

export function install(_app: App): void {
  // After the first screen is up: sync is never what the user opened the app for.
  setTimeout(() => void start().catch((e: unknown) => console.error('[sync] failed to start', e)), 0)
}
