import type { PlanLevel, Relation } from './plan'

/**
 * The opposite directions of a point's `related` links (DESIGN.md §6: derived, never stored twice): 下年要点 are
 * the points whose `previous` names it, 下级落实 the points whose `parent` names it. Pure: the rows that link to the
 * point are found by the caller (an index on `linksTo`), this only sorts them into the two directions.
 */

/** The kinds whose targets are indexed so the opposite direction can be looked up. */
export const REVERSED_KINDS = ['parent', 'previous'] as const

export interface LinkingPoint {
  id: string
  planId: string
  region: string
  level: PlanLevel
  year: number | null
  order: number
  related: Relation[]
}

const LEVEL_RANK: Record<PlanLevel, number> = { national: 0, province: 1, city: 2, county: 3, town: 4, department: 5 }

/** The ids a point names as its 上级要点 or 上年要点 (each once): the values of the `linksTo` index. */
export function linkTargets(point: { related: readonly Relation[] }): string[] {
  const ids = new Set<string>()
  for (const r of point.related) {
    if ((REVERSED_KINDS as readonly string[]).includes(r.kind))
      ids.add(r.pointId)
  }
  return [...ids]
}

function byReading(a: LinkingPoint, b: LinkingPoint): number {
  return LEVEL_RANK[a.level] - LEVEL_RANK[b.level]
    || (a.year ?? 0) - (b.year ?? 0)
    || (a.planId < b.planId ? -1 : a.planId > b.planId ? 1 : 0)
    || a.order - b.order
}

export interface ReverseRelations<P extends LinkingPoint> {
  /** 下年要点: points of later plans that continue this one, earliest year first. */
  successors: P[]
  /** 下级落实: points that implement this one, grouped by region (cities before counties), in reading order. */
  implementations: { region: string, level: PlanLevel, points: P[] }[]
}

/** Sorts the points linking to `targetId` into its 下年要点 and 下级落实. */
export function reverseRelations<P extends LinkingPoint>(targetId: string, linking: readonly P[]): ReverseRelations<P> {
  const links = (p: P, kind: string) => p.related.some(r => r.kind === kind && r.pointId === targetId)
  const sorted = linking.filter(p => p.id !== targetId).sort(byReading)
  const successors = sorted.filter(p => links(p, 'previous'))
  const groups = new Map<string, { region: string, level: PlanLevel, points: P[] }>()
  for (const p of sorted) {
    if (!links(p, 'parent'))
      continue
    const group = groups.get(p.region)
    if (group)
      group.points.push(p)
    else
      groups.set(p.region, { region: p.region, level: p.level, points: [p] })
  }
  const implementations = [...groups.values()].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || a.region.localeCompare(b.region, 'zh-Hans-CN'))
  return { successors, implementations }
}

/** The year of the plan that continues a point (已由 2023 年要点接续), or null when none does. */
export function successorYear(successors: readonly { year: number | null }[]): number | null {
  const years = successors.map(s => s.year).filter((y): y is number => y !== null)
  return years.length ? Math.min(...years) : null
}
