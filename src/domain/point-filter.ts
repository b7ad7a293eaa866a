import type { PlanLevel } from './plan'
import type { CheckinStatus } from './progress'
import type { UnitRole } from './unit-match'
import { deadlineStatus } from './deadline'
import { PLAN_LEVELS } from './plan-values'
import { UNIT_ROLES } from './unit-match'

/**
 * The filters of a point list (plan, level, year, region, lead unit, my status, and for 我的单位 the role), as
 * a value that lives in the route query so back, forward and reload restore it. One value per dimension: each
 * option's count is then exactly how many points picking it would leave. Pure: rows and the clock come in.
 */

/** 未打卡 / 推进中 / 已完成 / 有困难, and beside them 逾期 / 30天内到期 (what 进度看板 counts and links to) */
export type MyStatus = 'none' | 'in_progress' | 'done' | 'blocked' | 'overdue' | 'due_soon'
export const MY_STATUSES: MyStatus[] = ['none', 'in_progress', 'done', 'blocked', 'overdue', 'due_soon']
export const MY_STATUS_LABELS: Record<MyStatus, string> = { none: '未打卡', in_progress: '推进中', done: '已完成', blocked: '有困难', overdue: '逾期', due_soon: '30天内到期' }

export type YearFilter = 'current' | 'past'
export const YEAR_FILTERS: YearFilter[] = ['current', 'past']
export const YEAR_FILTER_LABELS: Record<YearFilter, string> = { current: '现行', past: '往年' }

export const UNIT_ROLE_LABELS: Record<UnitRole, string> = { lead: '牵头', partner: '配合', collective: '泛指（如市直相关单位）' }

export interface PointFilter {
  plan?: string
  level?: PlanLevel
  year?: YearFilter
  region?: string
  lead?: string
  status?: MyStatus
  role?: UnitRole
}

export type FilterDimension = keyof PointFilter
/** Also the order of the route query keys and of the filter bar. */
export const FILTER_DIMENSIONS: FilterDimension[] = ['role', 'plan', 'level', 'year', 'region', 'lead', 'status']

/** What a list knows of each point to filter it; built once per data change, not per tap. */
export interface FilterRow {
  id: string
  planId: string
  level: PlanLevel
  region: string
  /** The plan is current (newest of its series, or of the present year); otherwise 往年. */
  current: boolean
  /** Lead units with their region (娄底市行政审批服务局), so equal names from two cities stay apart. */
  leads: readonly string[]
  statuses: readonly MyStatus[]
  /** 我的单位 lists only. */
  role?: UnitRole
}

export interface FilterPoint {
  id: string
  planId: string
  level: PlanLevel
  region: string
  leads: readonly string[]
  deadline: string | null
  role?: UnitRole
}

/** A point's own status from its latest check-in: 未打卡 when it has none, or says 未开始 (nothing done yet either way). */
export function ownStatus(latest: CheckinStatus | undefined): Exclude<MyStatus, 'overdue' | 'due_soon'> {
  return latest === undefined || latest === 'not_started' ? 'none' : latest
}

/**
 * A point's statuses: its latest check-in's (未打卡 when it has none, or says 未开始: nothing has been done yet either
 * way), plus 逾期 when a current plan's deadline has passed and it is not done, or 30天内到期 when it comes within
 * the next 30 days (today included). 往年 points are neither: the next year's plan took them over.
 */
export function myStatuses(latest: CheckinStatus | undefined, deadline: string | null, current: boolean, today: Date, kindOf: (deadline: string | null) => string = d => deadlineStatus(d, today).kind): MyStatus[] {
  const own: MyStatus = ownStatus(latest)
  if (!current || own === 'done')
    return [own]
  const kind = kindOf(deadline)
  return kind === 'overdue' ? [own, 'overdue'] : kind === 'soon' ? [own, 'due_soon'] : [own]
}

/** The rows a list filters, in the order given. */
export function toFilterRows(points: readonly FilterPoint[], currentPlans: ReadonlySet<string>, latest: ReadonlyMap<string, { status: CheckinStatus }>, today: Date): FilterRow[] {
  // 100,000 points share a few hundred deadlines: each date is classed once, not once per point.
  const kinds = new Map<string | null, string>()
  const kindOf = (d: string | null) => {
    let k = kinds.get(d)
    if (k === undefined)
      kinds.set(d, k = deadlineStatus(d, today).kind)
    return k
  }
  return points.map((p) => {
    const current = currentPlans.has(p.planId)
    return {
      id: p.id,
      planId: p.planId,
      level: p.level,
      region: p.region,
      current,
      leads: p.leads,
      statuses: myStatuses(latest.get(p.id)?.status, p.deadline, current, today, kindOf),
      ...(p.role ? { role: p.role } : {}),
    }
  })
}

/** A row's value in a one-valued dimension, or its values (a point has several lead units, and may be 推进中 and 逾期). */
function value(row: FilterRow, dim: FilterDimension): string | readonly string[] | undefined {
  switch (dim) {
    case 'plan':
      return row.planId
    case 'level':
      return row.level
    case 'year':
      return row.current ? 'current' : 'past'
    case 'region':
      return row.region
    case 'lead':
      return row.leads
    case 'status':
      return row.statuses
    case 'role':
      return row.role
  }
}

function matchesDim(row: FilterRow, dim: FilterDimension, wanted: string | undefined): boolean {
  // A 我的单位 list shows the units named on the point unless 泛指 is asked for: 市直相关单位 is a weaker claim.
  if (wanted === undefined)
    return dim !== 'role' || row.role !== 'collective'
  const v = value(row, dim)
  return typeof v === 'string' ? v === wanted : v !== undefined && v.includes(wanted)
}

export function matchesFilter(row: FilterRow, filter: PointFilter): boolean {
  return FILTER_DIMENSIONS.every(dim => matchesDim(row, dim, filter[dim]))
}

/** The rows the filter keeps, in their order. */
export function applyFilter<R extends FilterRow>(rows: readonly R[], filter: PointFilter): R[] {
  return rows.filter(row => matchesFilter(row, filter))
}

export interface FacetCounts {
  /** Rows the whole filter keeps. */
  total: number
  /** Per dimension and option: how many rows the filter keeps with that option in place of the dimension's own value. */
  options: Record<FilterDimension, Map<string, number>>
  /** Per dimension: how many rows the filter keeps with that dimension cleared (全部). */
  cleared: Record<FilterDimension, number>
}

/**
 * Counts for every option of every dimension in one pass: a row that fails no dimension counts for every
 * dimension; a row that fails exactly one counts only there (it would be kept if that dimension were changed).
 */
export function facetCounts(rows: readonly FilterRow[], filter: PointFilter): FacetCounts {
  const options = Object.fromEntries(FILTER_DIMENSIONS.map(d => [d, new Map<string, number>()])) as Record<FilterDimension, Map<string, number>>
  const cleared = Object.fromEntries(FILTER_DIMENSIONS.map(d => [d, 0])) as Record<FilterDimension, number>
  let total = 0
  // Called for every row and dimension of 100,000 points on each tap: no allocation on the one-valued path.
  const bump = (map: Map<string, number>, v: string) => map.set(v, (map.get(v) ?? 0) + 1)
  const add = (row: FilterRow, dim: FilterDimension) => {
    cleared[dim]++
    const v = value(row, dim)
    if (typeof v === 'string')
      bump(options[dim], v)
    else if (v !== undefined)
      v.forEach((x, i) => v.indexOf(x) === i && bump(options[dim], x))
  }
  for (const row of rows) {
    let failed: FilterDimension | undefined
    let failures = 0
    for (const dim of FILTER_DIMENSIONS) {
      if (!matchesDim(row, dim, filter[dim])) {
        failed = dim
        if (++failures > 1)
          break
      }
    }
    if (failures === 0) {
      total++
      for (const dim of FILTER_DIMENSIONS)
        add(row, dim)
    }
    else if (failures === 1) {
      // With no role chosen, a 泛指 row fails only the role default: it counts under 泛指 and nowhere else.
      add(row, failed!)
    }
  }
  return { total, options, cleared }
}

export function isEmptyFilter(filter: PointFilter): boolean {
  return FILTER_DIMENSIONS.every(d => filter[d] === undefined)
}

type QueryValue = string | null | (string | null)[] | undefined

function firstString(value: QueryValue): string | undefined {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? value as T : undefined
}

/** Reads the filter from a route query; unknown or malformed values are dropped, never guessed. */
export function parsePointFilter(query: Record<string, QueryValue>): PointFilter {
  const filter: PointFilter = {
    plan: firstString(query.plan),
    level: oneOf(firstString(query.level), PLAN_LEVELS),
    year: oneOf(firstString(query.year), YEAR_FILTERS),
    region: firstString(query.region),
    lead: firstString(query.lead),
    status: oneOf(firstString(query.status), MY_STATUSES),
    role: oneOf(firstString(query.role), UNIT_ROLES),
  }
  for (const dim of FILTER_DIMENSIONS) {
    if (filter[dim] === undefined)
      delete filter[dim]
  }
  return filter
}

/** The route query of a filter (inverse of parsePointFilter), keys in a fixed order so equal filters give equal URLs. */
export function serializePointFilter(filter: PointFilter): Record<string, string> {
  const query: Record<string, string> = {}
  for (const dim of FILTER_DIMENSIONS) {
    const v = filter[dim]
    if (v !== undefined)
      query[dim] = v
  }
  return query
}

/** A stable key of a filter (deck positions are remembered per key). */
export function pointFilterKey(filter: PointFilter): string {
  return new URLSearchParams(serializePointFilter(filter)).toString()
}
