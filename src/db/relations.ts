import type { PointRow } from './points'
import type { ReverseRelations } from '~/domain/reverse-relations'
import { reverseRelations } from '~/domain/reverse-relations'
import { db } from './db'

/** 下年要点 and 下级落实 of a point: the rows that link to it, found on the `linksTo` index (no scan). */
export async function getReverseRelations(pointId: string): Promise<ReverseRelations<PointRow>> {
  if (!pointId)
    return { successors: [], implementations: [] }
  return reverseRelations(pointId, await db.points.where('linksTo').equals(pointId).toArray())
}

/** The points that continue `pointId` in a later year's plan (its 下年要点). */
export async function getSuccessors(pointId: string): Promise<PointRow[]> {
  return (await getReverseRelations(pointId)).successors
}
