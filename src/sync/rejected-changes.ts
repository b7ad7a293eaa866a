import type { CheckinStatus } from '~/domain/progress'
import { db } from '~/db/db'
import { currentOwner } from '~/db/owner'

/** A change the server refused for good, as 我的 lists it until the user dismisses it. */
export interface RejectedChange {
  /** The outbox row (= mutation) id. */
  id: string
  kind: 'checkin' | 'favorite'
  pointId: string
  /** Undefined when the point is no longer in the local plan data. */
  pointTitle: string | undefined
  reason: string
  createdAt: string
  /** Set apart because the server could not store it (not refused for good): it may be sent again. */
  retryable: boolean
  /** For a check-in: its status and progress; for a favorite: whether it was on. */
  checkinStatus?: CheckinStatus
  progress?: number
  favoriteOn?: boolean
}

/** The current owner's changes set apart in the outbox, oldest first (works inside liveQuery). */
export async function listRejectedChanges(): Promise<RejectedChange[]> {
  const rows = (await db.outbox.where('[owner+state]').equals([await currentOwner(), 'rejected']).toArray()).sort((a, b) => (a.id < b.id ? -1 : 1))
  const pointIds = rows.map(r => (r.mutation.kind === 'checkin.create' ? r.mutation.checkin.pointId : r.mutation.favorite.pointId))
  const points = await db.points.bulkGet(pointIds)
  return rows.map((row, i) => {
    const m = row.mutation
    const base = { id: row.id, pointId: pointIds[i]!, pointTitle: points[i]?.title, reason: row.lastError ?? '原因未知', createdAt: row.createdAt, retryable: row.retryable === true }
    return m.kind === 'checkin.create'
      ? { ...base, kind: 'checkin' as const, checkinStatus: m.checkin.status, progress: m.checkin.progress }
      : { ...base, kind: 'favorite' as const, favoriteOn: m.favorite.on }
  })
}

/**
 * Removes a refused change from the outbox once the user has seen it. Only a rejected row goes: a pending one is
 * never dropped. The check-in itself stays on the device, marked 同步被拒.
 */
export async function dismissRejectedChange(id: string): Promise<boolean> {
  return db.transaction('rw', db.outbox, async () => {
    const row = await db.outbox.get(id)
    if (row?.state !== 'rejected')
      return false
    await db.outbox.delete(id)
    return true
  })
}

/** 重新发送: puts a change set apart after server errors back in line, as if new; its check-in is pending again. */
export async function retryRejectedChange(id: string, now = Date.now()): Promise<boolean> {
  return db.transaction('rw', db.outbox, db.checkins, async () => {
    const row = await db.outbox.get(id)
    if (row?.state !== 'rejected' || !row.retryable)
      return false
    await db.outbox.update(id, { state: 'pending', attempts: 0, serverFailures: 0, nextAttemptAt: now, lastError: undefined, retryable: undefined })
    if (row.mutation.kind === 'checkin.create')
      await db.checkins.update(row.mutation.checkin.id, { syncState: 'pending', rejectReason: undefined })
    return true
  })
}
