import type { OutboxRow } from '~/db/outbox'
import type { UnpublishedPointRow } from '~/db/unpublished-points'
import type { Mutation } from '~/domain/progress'
import { db } from '~/db/db'
import { currentOwner } from '~/db/owner'
import { findUnpublished } from '~/db/unpublished-points'

// Changes on points of a plan imported on this device wait in the outbox until the server has the plan: pushed
// now, they would be refused as `unknown point` and set apart for good. They are held, never set apart or
// dropped, and go up on the first sync after the plan is published (here, or found in /api/plans).

/** Why a change waits, in the words 我的 and the 打卡记录 show. */
export function holdReason(row: Pick<UnpublishedPointRow, 'removed'>): string {
  return row.removed
    ? '所属计划已从本机删除，重新导入并发布到服务器后再同步'
    : '所属计划仅在本机导入，发布到服务器后再同步'
}

/** The point a mutation is about. */
export function mutationPointId(mutation: Mutation): string {
  return mutation.kind === 'checkin.create' ? mutation.checkin.pointId : mutation.favorite.pointId
}

/** The rows that may be sent now: those whose point the server knows (works inside liveQuery). */
export async function withoutHeld(rows: OutboxRow[]): Promise<OutboxRow[]> {
  const held = await findUnpublished(rows.map(r => mutationPointId(r.mutation)))
  return held.size === 0 ? rows : rows.filter(r => !held.has(mutationPointId(r.mutation)))
}

/** A change of the current owner waiting for its plan to be published, as 我的 lists it. */
export interface HeldChange {
  id: string
  kind: 'checkin' | 'favorite'
  pointId: string
  /** Undefined when the point is no longer stored (its local plan was deleted). */
  pointTitle: string | undefined
  reason: string
  createdAt: string
}

/** The current owner's pending changes that wait for their plan to be published, oldest first (works inside liveQuery). */
export async function listHeldChanges(): Promise<HeldChange[]> {
  const rows = await db.outbox.where('[owner+state]').equals([await currentOwner(), 'pending']).toArray()
  const pointIds = rows.map(r => mutationPointId(r.mutation))
  const held = await findUnpublished(pointIds)
  if (held.size === 0)
    return []
  const waiting = rows.filter(r => held.has(mutationPointId(r.mutation))).sort((a, b) => (a.id < b.id ? -1 : 1))
  const points = await db.points.bulkGet(waiting.map(r => mutationPointId(r.mutation)))
  return waiting.map((row, i) => {
    const pointId = mutationPointId(row.mutation)
    return {
      id: row.id,
      kind: row.mutation.kind === 'checkin.create' ? 'checkin' : 'favorite',
      pointId,
      pointTitle: points[i]?.title,
      reason: holdReason(held.get(pointId)!),
      createdAt: row.createdAt,
    }
  })
}

/** How many of the current owner's pending changes wait for their plan to be published (works inside liveQuery). */
export async function countHeldChanges(): Promise<number> {
  const rows = await db.outbox.where('[owner+state]').equals([await currentOwner(), 'pending']).toArray()
  return rows.length - (await withoutHeld(rows)).length
}

/** Why changes on this point would wait (undefined when they may be sent), live for the 打卡记录. */
export async function pointHoldReason(pointId: string): Promise<string | undefined> {
  const row = await db.unpublishedPoints.get(pointId)
  return row ? holdReason(row) : undefined
}
