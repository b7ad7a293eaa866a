import type { SyncApiClient } from './sync-api-client'
import type { OutboxRow } from '~/db/outbox'
import type { MutationResult } from '~/domain/sync-api'
import { db } from '~/db/db'
import { PUSH_MAX_MUTATIONS, REJECT_REASON_LABELS } from '~/domain/sync-api'
import { backoffDelay } from './backoff'
import { AuthError, describeSyncError, HttpError } from './sync-errors'

export interface PushSummary {
  accepted: number
  rejected: number
}

/** Outbox rows that are due, oldest first (ids are UUIDv7, so key order is creation order). */
async function dueRows(now: number, limit: number): Promise<OutboxRow[]> {
  const rows = await db.outbox.where('state').equals('pending').filter(r => r.nextAttemptAt <= now).limit(limit).toArray()
  return rows.sort((a, b) => (a.id < b.id ? -1 : 1))
}

/** Applies the server's answers in one transaction: accepted rows leave the outbox, rejected ones stay visible. */
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
        const reason = REJECT_REASON_LABELS[result.reason] ?? result.reason
        await db.outbox.update(row.id, { state: 'rejected', lastError: reason })
        if (checkinId)
          await db.checkins.update(checkinId, { syncState: 'rejected', rejectReason: reason })
      }
    }
  })
  return summary
}

/** Marks rows for a later retry with backoff and jitter. */
async function deferRows(rows: OutboxRow[], error: unknown, now: number, random: () => number): Promise<void> {
  const message = describeSyncError(error)
  await db.transaction('rw', db.outbox, async () => {
    for (const row of rows) {
      const attempts = row.attempts + 1
      await db.outbox.update(row.id, { attempts, nextAttemptAt: now + backoffDelay(attempts, random), lastError: message })
    }
  })
}

/**
 * Sends a batch; a 4xx refusal of the whole batch is narrowed down by halves, so one bad row is rejected
 * (and shown) without holding back the others.
 */
async function sendBatch(client: SyncApiClient, token: string, rows: OutboxRow[]): Promise<PushSummary> {
  try {
    const response = await client.push(token, rows.map(r => r.mutation))
    return await applyResults(rows, response.results)
  }
  catch (error) {
    if (!(error instanceof HttpError) || error.status >= 500 || error.status === 429)
      throw error
    if (rows.length === 1) {
      await db.transaction('rw', db.outbox, db.checkins, async () => {
        const row = rows[0]!
        await db.outbox.update(row.id, { state: 'rejected', lastError: `服务器拒收：${error.message}` })
        if (row.mutation.kind === 'checkin.create')
          await db.checkins.update(row.mutation.checkin.id, { syncState: 'rejected', rejectReason: error.message })
      })
      return { accepted: 0, rejected: 1 }
    }
    const half = Math.ceil(rows.length / 2)
    const first = await sendBatch(client, token, rows.slice(0, half))
    const second = await sendBatch(client, token, rows.slice(half))
    return { accepted: first.accepted + second.accepted, rejected: first.rejected + second.rejected }
  }
}

/**
 * Pushes every due outbox row, batch by batch. Network and server failures defer the batch with backoff and
 * rethrow; a 401 rethrows with the outbox untouched. Re-sending after a lost answer is safe: the server is
 * idempotent on mutation ids.
 */
export async function pushOutbox(client: SyncApiClient, token: string, options: { now?: () => number, random?: () => number } = {}): Promise<PushSummary> {
  const now = options.now ?? Date.now
  const random = options.random ?? Math.random
  const total: PushSummary = { accepted: 0, rejected: 0 }
  for (;;) {
    const rows = await dueRows(now(), PUSH_MAX_MUTATIONS)
    if (rows.length === 0)
      return total
    try {
      const summary = await sendBatch(client, token, rows)
      total.accepted += summary.accepted
      total.rejected += summary.rejected
      if (summary.accepted + summary.rejected === 0)
        return total // Nothing was answered; avoid spinning on the same rows.
    }
    catch (error) {
      if (!(error instanceof AuthError))
        await deferRows(rows, error, now(), random)
      throw error
    }
  }
}
