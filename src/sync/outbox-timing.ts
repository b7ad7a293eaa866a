import { db } from '~/db/db'
import { currentOwner } from '~/db/owner'
import { withoutHeld } from './held-changes'
import { duePhotos } from './upload-photos'

// When the current owner's outbox rows are due. No DOM here: the service worker's engine uses it too. Rows held
// for a plan only imported here never count as due, or the retry timer would wake up for them again and again.

/** The current owner's pending outbox rows: only those can be sent with the session's token. */
async function ownPending() {
  return db.outbox.where('[owner+state]').equals([await currentOwner(), 'pending'])
}

/** True when an outbox row of the current owner is pending and due. */
export async function hasDueOutbox(now = Date.now()): Promise<boolean> {
  // Photos waiting to go up keep the retry timer running too (their upload resumes on the next run).
  if ((await duePhotos(await currentOwner())).length > 0)
    return true
  const due = await (await ownPending()).filter(r => r.nextAttemptAt <= now).toArray()
  return due.length > 0 && (await withoutHeld(due)).length > 0
}

/** Ids of the current owner's pending outbox rows (works inside liveQuery: a new id means a new local change). */
export async function pendingOutboxIds(): Promise<string[]> {
  return (await (await ownPending()).primaryKeys()) as string[]
}

/** Milliseconds until the current owner's earliest pending row may be retried (0 when one is due now), or undefined when none is pending. */
export async function msUntilNextRetry(now = Date.now()): Promise<number | undefined> {
  let earliest: number | undefined
  for (const row of await withoutHeld(await (await ownPending()).toArray())) {
    if (earliest === undefined || row.nextAttemptAt < earliest)
      earliest = row.nextAttemptAt
  }
  return earliest === undefined ? undefined : Math.max(0, earliest - now)
}

/**
 * Makes every pending row due now, keeping its attempt count (so a further failure backs off longer still): for a
 * manual 立即同步 and for the network coming back, where waiting out a backoff earned while offline helps no one.
 */
export async function makeOutboxDueNow(now = Date.now()): Promise<void> {
  await (await ownPending()).filter(r => r.nextAttemptAt > now).modify({ nextAttemptAt: now })
}
