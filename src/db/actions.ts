import type { CheckinRow } from './checkins'
import type { Checkin, CheckinStatus, Favorite, Mutation } from '~/domain/progress'
import { CheckinSchema, FavoriteSchema } from '~/domain/progress'
import { uuidv7 } from '~/domain/uuidv7'
import { db } from './db'
import { META_KEYS } from './meta'
import { newOutboxRow } from './outbox'

/** This installation's device id, created on first use (joins the caller's transaction when it covers `meta`). */
export async function getOrCreateDeviceId(): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get(META_KEYS.deviceId)
    if (typeof row?.value === 'string')
      return row.value
    const deviceId = uuidv7()
    await db.meta.put({ key: META_KEYS.deviceId, value: deviceId })
    return deviceId
  })
}

export interface NewCheckin {
  pointId: string
  status: CheckinStatus
  progress: number
  note: string
}

/** Records a check-in and its outbox row in one transaction; throws (writing nothing) if the input is invalid. */
export async function addCheckin(input: NewCheckin, now: Date = new Date()): Promise<Checkin> {
  return db.transaction('rw', [db.checkins, db.outbox, db.meta], async () => {
    const checkin = CheckinSchema.parse({
      id: uuidv7(now.getTime()),
      pointId: input.pointId,
      status: input.status,
      progress: Math.round(input.progress),
      note: input.note.trim(),
      createdAt: now.toISOString(),
      deviceId: await getOrCreateDeviceId(),
    })
    const row: CheckinRow = { ...checkin, syncState: 'pending' }
    const mutation: Mutation = { id: uuidv7(now.getTime()), kind: 'checkin.create', checkin }
    await db.checkins.add(row)
    await db.outbox.add(newOutboxRow(mutation, now))
    return checkin
  })
}

/**
 * Sets a favorite (last-writer-wins) and queues it in one transaction. An unsent, untried
 * favorite change for the same point is dropped from the outbox: only the newest matters.
 */
export async function setFavorite(pointId: string, on: boolean, now: Date = new Date()): Promise<Favorite> {
  return db.transaction('rw', [db.favorites, db.outbox, db.meta], async () => {
    const favorite = FavoriteSchema.parse({ pointId, on, updatedAt: now.toISOString(), deviceId: await getOrCreateDeviceId() })
    const mutation: Mutation = { id: uuidv7(now.getTime()), kind: 'favorite.set', favorite }
    await db.outbox
      .where('state')
      .equals('pending')
      .filter(r => r.attempts === 0 && r.mutation.kind === 'favorite.set' && r.mutation.favorite.pointId === pointId)
      .delete()
    await db.favorites.put(favorite)
    await db.outbox.add(newOutboxRow(mutation, now))
    return favorite
  })
}
