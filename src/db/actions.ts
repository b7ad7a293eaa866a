import type { CheckinRow } from './checkins'
import type { FavoriteRow } from './favorites'
import type { PhotoRow, PreparedPhoto } from './photos'
import type { Checkin, CheckinStatus, Favorite, Mutation } from '~/domain/progress'
import type { RecordProblem } from '~/domain/record-checks'
import { PHOTOS_PER_CHECKIN } from '~/domain/photo-rules'
import { NOTE_MAX_LENGTH } from '~/domain/progress-rules'
import { checkCheckin, checkFavorite } from '~/domain/record-checks'
import { uuidv7 } from '~/domain/uuidv7'
import { db } from './db'
import { META_KEYS } from './meta'
import { newOutboxRow } from './outbox'
import { currentOwner } from './owner'

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

/** A check-in the shared rules refuse, with the reason in words for the 打卡 sheet. */
export class InvalidCheckinError extends Error {
  override name = 'InvalidCheckinError'
  constructor(readonly problem: RecordProblem) {
    super(describeCheckinProblem(problem))
  }
}

function describeCheckinProblem({ field, unstorable }: RecordProblem): string {
  if (field === 'note' && unstorable)
    return '备注中含有无法保存的字符（如空字符或残缺的表情符号），请删除后再保存。'
  if (field === 'note')
    return `备注最多 ${NOTE_MAX_LENGTH} 个字。`
  if (field === 'progress')
    return '进度应为 0 到 100 之间的整数。'
  return `打卡内容无效（${field}），请重试。`
}

/**
 * Records a check-in and its outbox row in one transaction, owned by whoever is signed in (or 本机). The input is
 * checked with the server's rules (record-checks.ts, held equal to the schema); invalid input throws
 * InvalidCheckinError and writes nothing. `photos` are stored with it, to be uploaded after it is pushed.
 */
export async function addCheckin(input: NewCheckin, now: Date = new Date(), photos: readonly PreparedPhoto[] = []): Promise<Checkin> {
  if (photos.length > PHOTOS_PER_CHECKIN)
    throw new Error(`at most ${PHOTOS_PER_CHECKIN} photos per check-in`)
  return db.transaction('rw', [db.checkins, db.outbox, db.meta, db.photos], async () => {
    const parsed = checkCheckin({
      id: uuidv7(now.getTime()),
      pointId: input.pointId,
      status: input.status,
      progress: Math.round(input.progress),
      note: input.note.trim(),
      createdAt: now.toISOString(),
      deviceId: await getOrCreateDeviceId(),
    })
    if (!parsed.ok)
      throw new InvalidCheckinError(parsed)
    const checkin = parsed.value
    const owner = await currentOwner()
    const row: CheckinRow = { ...checkin, owner, syncState: 'pending' }
    const mutation: Mutation = { id: uuidv7(now.getTime()), kind: 'checkin.create', checkin }
    await db.checkins.add(row)
    await db.outbox.add(newOutboxRow(mutation, owner, now))
    // In the same transaction: storage running out (QuotaExceededError) aborts the check-in too, nothing half-saved.
    await db.photos.bulkAdd(photos.map((p, position): PhotoRow => ({
      ...p,
      id: uuidv7(now.getTime()),
      checkinId: checkin.id,
      owner,
      position,
      state: 'pending',
      createdAt: now.toISOString(),
    })))
    return checkin
  })
}

/**
 * Sets a favorite of whoever is signed in (last-writer-wins) and queues it in one transaction. An unsent, untried
 * favorite change of the same owner for the same point is dropped from the outbox: only the newest matters.
 */
export async function setFavorite(pointId: string, on: boolean, now: Date = new Date()): Promise<Favorite> {
  return db.transaction('rw', [db.favoritesByOwner, db.outbox, db.meta], async () => {
    const checked = checkFavorite({ pointId, on, updatedAt: now.toISOString(), deviceId: await getOrCreateDeviceId() })
    if (!checked.ok)
      throw new Error(`favorite not storable (${checked.field})`)
    const favorite = checked.value
    const owner = await currentOwner()
    const mutation: Mutation = { id: uuidv7(now.getTime()), kind: 'favorite.set', favorite }
    await db.outbox
      .where('[owner+state]')
      .equals([owner, 'pending'])
      .filter(r => r.attempts === 0 && r.mutation.kind === 'favorite.set' && r.mutation.favorite.pointId === pointId)
      .delete()
    await db.favoritesByOwner.put({ ...favorite, owner } satisfies FavoriteRow)
    await db.outbox.add(newOutboxRow(mutation, owner, now))
    return favorite
  })
}
