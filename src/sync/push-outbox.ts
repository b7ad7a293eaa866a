import type { SyncApiClient } from './sync-api-client'
import type { OutboxRow } from '~/db/outbox'
import type { MutationResult } from '~/domain/sync-api'
import { db } from '~/db/db'
import { PUSH_MAX_MUTATIONS } from '~/domain/sync-rules'
import { backoffDelay } from './backoff'
import { withoutHeld } from './held-changes'
import { describeRejection, SERVER_FAILURES_TO_SET_APART, serverFailureReason } from './rejection-words'
import { AuthError, describeSyncError, HttpError } from './sync-errors'

export interface PushSummary {
  accepted: number
  rejected: number
}

interface PushRun {
  client: SyncApiClient
  token: string
  now: () => number
  random: () => number
  /** Whether the server answers its health check, asked at most once per run. */
  serverHealthy: () => Promise<boolean>
}

/**
 * `owner`'s outbox rows that are due, oldest first (ids are UUIDv7, so key order is creation order). Rows on points
 * of a plan only imported here are held back: the server would refuse them (held-changes.ts).
 */
async function dueRows(owner: string, now: number, limit: number): Promise<OutboxRow[]> {
  const rows = await db.outbox.where('[owner+state]').equals([owner, 'pending']).filter(r => r.nextAttemptAt <= now).toArray()
  return (await withoutHeld(rows)).sort((a, b) => (a.id < b.id ? -1 : 1)).slice(0, limit)
}

/** Sets one row apart for good (or until the user sends it again), with the reason 我的 shows. */
async function setApart(row: OutboxRow, reason: string, retryable: boolean): Promise<void> {
  await db.transaction('rw', db.outbox, db.checkins, async () => {
    await db.outbox.update(row.id, { state: 'rejected', lastError: reason, retryable })
    if (row.mutation.kind === 'checkin.create')
      await db.checkins.update(row.mutation.checkin.id, { syncState: 'rejected', rejectReason: reason })
  })
}

/** Applies the server's answers in one transaction: accepted rows leave the outbox, rejected ones are set apart. */
async function applyResults(rows: OutboxRow[], results: MutationResult[]): Promise<PushSummary> {
  const byId = new Map(results.map(r => [r.id, r]))
  const summary: PushSummary = { accepted: 0, rejected: 0 }
  await db.transaction('rw', db.outbox, db.checkins, async () => {
    for (const row of rows) {
      const result = byId.get(row.id)
      if (!result)
        continue // The server did not answer for it: it stays pending and goes again next run.
      const checkinId = row.mutation.kind === 'checkin.create' ? row.mutation.checkin.id : undefined
      if (result.status === 'accepted') {
        summary.accepted++
        await db.outbox.delete(row.id)
        if (checkinId)
          await db.checkins.update(checkinId, { syncState: 'synced' })
      }
      else {
        summary.rejected++
        const reason = describeRejection(result.reason, result.field)
        await db.outbox.update(row.id, { state: 'rejected', lastError: reason, retryable: false })
        if (checkinId)
          await db.checkins.update(checkinId, { syncState: 'rejected', rejectReason: reason })
      }
    }
  })
  return summary
}

/** Marks rows for a later retry with backoff and jitter. */
async function deferRows(rows: OutboxRow[], error: unknown, now: number, random: () => number, serverFailure = false): Promise<void> {
  const message = describeSyncError(error)
  await db.transaction('rw', db.outbox, async () => {
    for (const row of rows) {
      const attempts = row.attempts + 1
      const serverFailures = serverFailure ? (row.serverFailures ?? 0) + 1 : row.serverFailures
      await db.outbox.update(row.id, { attempts, nextAttemptAt: now + backoffDelay(attempts, random), lastError: message, serverFailures })
    }
  })
}

async function bisect(run: PushRun, rows: OutboxRow[]): Promise<PushSummary> {
  const half = Math.ceil(rows.length / 2)
  const first = await sendBatch(run, rows.slice(0, half))
  const second = await sendBatch(run, rows.slice(half))
  return { accepted: first.accepted + second.accepted, rejected: first.rejected + second.rejected }
}

/** A 4xx that refuses the request itself (not a rate limit or a timeout): the same body would be refused again. */
const isRefusal = (error: HttpError) => error.status < 500 && error.status !== 429 && error.status !== 408

/** A 5xx other than 503 (shutting down, overloaded), which might be caused by what was sent. */
const isServerFailure = (error: HttpError) => error.status >= 500 && error.status !== 503

/**
 * Sends a batch. A refusal of the whole batch is narrowed down by halves, so one bad row is set apart (and shown)
 * without holding back the others. A server error while the server is otherwise healthy is narrowed down the same
 * way; a row that alone keeps failing is set apart after SERVER_FAILURES_TO_SET_APART tries, so the outbox never
 * jams behind it. An unhealthy server, the network or a 401 throw: the caller defers the batch.
 */
async function sendBatch(run: PushRun, rows: OutboxRow[]): Promise<PushSummary> {
  try {
    const response = await run.client.push(run.token, rows.map(r => r.mutation))
    return await applyResults(rows, response.results)
  }
  catch (error) {
    if (!(error instanceof HttpError))
      throw error
    if (isRefusal(error)) {
      if (rows.length > 1)
        return bisect(run, rows)
      await setApart(rows[0]!, `服务器拒收：${error.message}`, false)
      return { accepted: 0, rejected: 1 }
    }
    if (!isServerFailure(error) || !(await run.serverHealthy()))
      throw error
    if (rows.length > 1)
      return bisect(run, rows)
    const row = rows[0]!
    if ((row.serverFailures ?? 0) + 1 >= SERVER_FAILURES_TO_SET_APART) {
      await setApart(row, serverFailureReason(error.status), true)
      return { accepted: 0, rejected: 1 }
    }
    await deferRows(rows, error, run.now(), run.random, true)
    return { accepted: 0, rejected: 0 }
  }
}

/**
 * Pushes `owner`'s due outbox rows with that account's token, batch by batch; other accounts' rows are never
 * read. Network and server failures defer the batch with backoff and rethrow; a 401 rethrows with the outbox
 * untouched. Re-sending after a lost answer is safe: the server is idempotent on mutation ids.
 */
export async function pushOutbox(client: SyncApiClient, token: string, owner: string, options: { now?: () => number, random?: () => number } = {}): Promise<PushSummary> {
  let health: Promise<boolean> | undefined
  const run: PushRun = {
    client,
    token,
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
    serverHealthy: () => (health ??= client.health()),
  }
  const total: PushSummary = { accepted: 0, rejected: 0 }
  for (;;) {
    const rows = await dueRows(owner, run.now(), PUSH_MAX_MUTATIONS)
    if (rows.length === 0)
      return total
    try {
      const summary = await sendBatch(run, rows)
      total.accepted += summary.accepted
      total.rejected += summary.rejected
      if (summary.accepted + summary.rejected === 0)
        return total // Nothing was answered; avoid spinning on the same rows.
    }
    catch (error) {
      if (!(error instanceof AuthError))
        await deferRows(rows, error, run.now(), run.random)
      throw error
    }
  }
}
