import { db } from './db'

/**
 * A point of a plan imported on this device (本机导入) that the server does not know yet. A check-in or favorite
 * on it would be refused as `unknown point`, so its outbox rows wait until the plan is published. The row outlives
 * the point: when the local plan is deleted or a new edition drops the point, it stays (marked `removed`), so the
 * changes made on it keep waiting instead of being refused; it goes when the server has the plan.
 */
export interface UnpublishedPointRow {
  pointId: string
  planId: string
  /** The point is no longer stored (its plan was deleted here, or its new edition dropped it). */
  removed?: true
}

/** The unpublished rows among `pointIds`, by point id (works inside liveQuery). */
export async function findUnpublished(pointIds: string[]): Promise<Map<string, UnpublishedPointRow>> {
  const unique = [...new Set(pointIds)]
  if (unique.length === 0)
    return new Map()
  const rows = await db.unpublishedPoints.bulkGet(unique)
  return new Map(rows.filter((r): r is UnpublishedPointRow => r !== undefined).map(r => [r.pointId, r]))
}
