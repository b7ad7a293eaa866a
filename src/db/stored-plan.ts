import type { PlanRow } from './plans'
import type { PointRow } from './points'
import type { Plan, WorkPoint } from '~/domain/plan'
import Dexie from 'dexie'
import { db } from './db'
import { getPlanPinyin } from './plan-pinyin'

/** A stored point back as the plan contract's WorkPoint (the plan context it was stored with left out). */
export function toWorkPoint(row: PointRow): WorkPoint {
  const { planId: _planId, planTitle: _title, region: _region, level: _level, year: _year, sectionNo: _no, sectionTitle: _section, order: _order, deadline: _deadline, linksTo: _links, ...point } = row
  return point
}

/** A stored plan and its stored points back as one Plan (ids missing from `points` are left out). */
export function fromPlanRows(row: PlanRow, points: PointRow[]): Plan {
  const byId = new Map(points.map(p => [p.id, p]))
  const { sections, ...rest } = row
  return {
    ...rest,
    sections: sections.map(s => ({
      no: s.no,
      title: s.title,
      points: s.pointIds.flatMap((id) => {
        const point = byId.get(id)
        return point ? [toWorkPoint(point)] : []
      }),
    })),
  }
}

/** A plan's stored points, on the [planId+order] index. */
export function pointsOfPlan(planId: string) {
  return db.points.where('[planId+order]').between([planId, Dexie.minKey], [planId, Dexie.maxKey])
}

/** One stored plan as a whole Plan with its search pinyin (for publishing it), or undefined. */
export async function getStoredPlan(planId: string): Promise<Plan | undefined> {
  const row = await db.plans.get(planId)
  if (!row)
    return undefined
  const [points, pinyin] = await Promise.all([pointsOfPlan(planId).toArray(), getPlanPinyin(planId)])
  const plan = fromPlanRows(row, points)
  return pinyin ? { ...plan, pinyin } : plan
}
