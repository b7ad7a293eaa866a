import type { Plan, PlanLevel } from '../domain/plan'

/** Rank of administrative levels, province highest; department plans sit outside the chain. */
export const LEVEL_RANK: Readonly<Record<PlanLevel, number | undefined>> = {
  national: -1,
  province: 0,
  city: 1,
  county: 2,
  town: 3,
  department: undefined,
}

const REGION_SUFFIX = /(?:特别行政区|自治区|自治州|自治县|街道|[省市县区州盟旗镇乡])$/u
const YEAR_PREFIX = /^\d{4}\s*年度?/u
const PLAN_SUFFIX = /(?:工作)?要点$/u

/** A region without its administrative suffix, so 湖南省 and 湖南 compare equal. */
export function regionKey(region: string): string {
  const trimmed = region.normalize('NFKC').replace(/\s+/gu, '')
  const bare = trimmed.replace(REGION_SUFFIX, '')
  // Two-character names like 岳阳市 keep at least their name; a bare 市 would match everything.
  return bare.length > 0 ? bare : trimmed
}

/**
 * The topic of a plan, read from its title: 湖南省2023年政务公开工作要点 → 政务公开.
 * Empty when the title does not follow the region + year + topic + 工作要点 pattern.
 */
export function planTopic(plan: Pick<Plan, 'title' | 'region'>): string {
  let title = plan.title.normalize('NFKC').replace(/\s+/gu, '')
  if (!PLAN_SUFFIX.test(title))
    return ''
  const region = plan.region.normalize('NFKC').replace(/\s+/gu, '')
  if (region && title.startsWith(region))
    title = title.slice(region.length)
  else if (title.startsWith(regionKey(region)))
    title = title.slice(regionKey(region).length)
  return title.replace(YEAR_PREFIX, '').replace(PLAN_SUFFIX, '')
}

/** Whether two topics are the same thing: true, false, or undefined when either is unknown. */
export function topicsMatch(a: string, b: string): boolean | undefined {
  if (!a || !b)
    return undefined
  return a === b || a.includes(b) || b.includes(a)
}
