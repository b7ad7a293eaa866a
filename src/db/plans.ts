import type { Plan, PlanLevel } from '~/domain/plan'
import { earliestDeadline } from '../domain/deadline'

/** A plan as stored: sections keep their headings and the ids of their points (points live in their own table). */
export interface PlanRow extends Omit<Plan, 'sections' | 'pinyin'> {
  /**
   * `deadlines`: each point's earliest deadline, beside its id, so 进度看板 counts 100,000 points from the plan rows
   * without reading a point. Rows stored before it was added have none (the board then reads the points).
   */
  sections: { no: number, title: string, pointIds: string[], deadlines?: (string | null)[] }[]
}
/** Province first, then down the hierarchy. */
export const LEVEL_ORDER: Record<PlanLevel, number> = { national: 0, province: 1, city: 2, county: 3, town: 4, department: 5 }

/** Strips the points out of a plan, keeping their ids per section; its pinyin goes to planPinyin (plan-pinyin.ts). */
export function toPlanRow(plan: Plan): PlanRow {
  const { sections, pinyin: _pinyin, ...rest } = plan
  return { ...rest, sections: sections.map(s => ({ no: s.no, title: s.title, pointIds: s.points.map(p => p.id), deadlines: s.points.map(earliestDeadline) })) }
}

/** Sort order for plans: level (province first), year (newest first), then title. */
export function comparePlans(a: Pick<PlanRow, 'level' | 'year' | 'title'>, b: Pick<PlanRow, 'level' | 'year' | 'title'>): number {
  return LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]
    || (b.year ?? 0) - (a.year ?? 0)
    || a.title.localeCompare(b.title, 'zh-Hans-CN')
}
