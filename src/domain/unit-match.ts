import type { PlanLevel } from './plan'

/**
 * 我的单位: which points concern a unit. Plans name their units relative to the issuer ("市行政审批服务局" in
 * 娄底市's plan is 娄底市行政审批服务局), and the same unit is written in long and short forms (发展和改革委员会,
 * 发展改革委, 发改委). Names are qualified with the plan's region and reduced to one canonical spelling before they
 * are compared. Pure: no storage, no clock.
 */

/** How a point concerns a unit: it leads, it is named as a partner, or a collective name covers it (市直相关单位). */
export type UnitRole = 'lead' | 'partner' | 'collective'

export const UNIT_ROLES: UnitRole[] = ['lead', 'partner', 'collective']

export interface UnitPlanContext {
  region: string
  level: PlanLevel
}

export interface UnitPointContext extends UnitPlanContext {
  leadUnits: readonly string[]
  partnerUnits: readonly string[]
}

/**
 * Spellings of one name part, long form first. Data, not logic: a new pair seen in real plans goes here.
 * The short form is the canonical one (plans use it more).
 */
const ALIASES: [RegExp, string][] = [
  [/\s+/g, ''],
  [/[（(].*?[）)]/g, ''],
  [/人民政府/g, '政府'],
  [/办公厅|办公室/g, '办'],
  [/发展和改革委员会|发展和改革委|发展改革委员会|发展改革委/g, '发改委'],
  [/人力资源和社会保障|人力资源社会保障/g, '人社'],
  [/住房和城乡建设|住房城乡建设/g, '住建'],
  [/市场监督管理/g, '市场监管'],
  [/自然资源和规划/g, '自然资源规划'],
  [/政务服务和大数据/g, '政务服务大数据'],
  [/卫生健康委员会|卫生健康委/g, '卫健委'],
  [/应急管理/g, '应急'],
  [/工业和信息化/g, '工信'],
  [/委员会/g, '委'],
]

/** One spelling per unit, so that two ways of writing the same unit compare equal. */
export function canonicalUnit(name: string): string {
  let out = name.normalize('NFKC')
  for (const [pattern, replacement] of ALIASES)
    out = out.replace(pattern, replacement)
  return out
}

/** Names repeat across thousands of points: each is made canonical once (bounded, so it never grows without end). */
const canonicalCache = new Map<string, string>()
const CACHE_LIMIT = 20_000

function cachedCanonical(name: string): string {
  let c = canonicalCache.get(name)
  if (c === undefined) {
    if (canonicalCache.size >= CACHE_LIMIT)
      canonicalCache.clear()
    c = canonicalUnit(name)
    canonicalCache.set(name, c)
  }
  return c
}

// 市直机关工委 is one unit; 市直相关单位, 市直各部门 are many.
const COLLECTIVE = /^各|相关|有关|[省市县区]直各?(?:单位|部门)/

/** A collective phrase (省直相关单位, 各县市区人民政府, 有关部门) rather than one named unit. */
export function isCollectiveUnit(unit: string): boolean {
  return COLLECTIVE.test(unit)
}

/** The level word a plan's own units start with: 省政务局 in a province plan, 市… in a city plan, 县…/区… in a county plan. */
const OWN_PREFIX: Partial<Record<PlanLevel, RegExp>> = { province: /^省/, city: /^市/, county: /^[县区]/ }

/**
 * A unit's full name: 市行政审批服务局 in 娄底市's plan → 娄底市行政审批服务局. Only the plan's own level is qualified
 * (a city plan's 省政务局 belongs to a province the plan does not name); names already qualified stay as written.
 */
export function qualifyUnit(unit: string, plan: UnitPlanContext): string {
  const prefix = OWN_PREFIX[plan.level]
  if (!prefix || !plan.region || !prefix.test(unit) || isCollectiveUnit(unit))
    return unit
  // "市政府" in 长沙市's plan: the region already ends with the level word.
  return plan.region + unit.slice(1)
}

/** A unit directly under the region's government (市直): named after the region, and not a district or county below it. */
function isDirectlyUnder(userCanonical: string, region: string): boolean {
  const r = cachedCanonical(region)
  if (!r || !userCanonical.startsWith(r))
    return false
  const rest = userCanonical.slice(r.length)
  // 长沙市岳麓区政务服务中心 is a district's unit; the government itself (长沙市政府) is not one of its 市直 units.
  return rest.length > 0 && !/^[\u4E00-\u9FA5]{1,4}[区县]/.test(rest) && !/^政府$/.test(rest)
}

/**
 * Whether a collective phrase in a plan covers the user's unit: 省直/市直/县直…单位 covers the units directly under the
 * plan's own government, 各…政府 the governments below it. Only partner-strength: a collective phrase says some of
 * those units share the work, not that this one leads it.
 */
export function collectiveCovers(unit: string, plan: UnitPlanContext, userCanonical: string): boolean {
  const direct = /([省市县区])直/.exec(unit)
  if (direct) {
    const ownPrefix = OWN_PREFIX[plan.level]
    return !!ownPrefix && ownPrefix.test(direct[1]!) && isDirectlyUnder(userCanonical, plan.region)
  }
  if (unit.startsWith('各') && /政府/.test(unit))
    return userCanonical.endsWith('政府') && userCanonical !== cachedCanonical(`${plan.region}政府`)
  return false
}

/** The user's unit, prepared once for matching many points. */
export interface UnitMatcher {
  unit: string
  canonical: string
}

export function unitMatcher(unit: string): UnitMatcher {
  return { unit: unit.trim(), canonical: canonicalUnit(unit.trim()) }
}

/**
 * A named unit covers the user's unit when they are the same unit, or the user's unit is a part of it
 * (娄底市行政审批服务局政务服务科 under 娄底市行政审批服务局). Exact matches are tried first by the caller.
 */
function named(unit: string, plan: UnitPlanContext, m: UnitMatcher, exact: boolean): boolean {
  return !isCollectiveUnit(unit) && namedAs(cachedCanonical(qualifyUnit(unit, plan)), m, exact)
}

/** named() from the name's canonical full name `c`. */
function namedAs(c: string, m: UnitMatcher, exact: boolean): boolean {
  if (exact)
    return c === m.canonical
  // A part of the unit: its name continues the unit's full name (at least a region and a body, so 市政府 alone does not swallow everything).
  return c.length >= 5 && m.canonical.length > c.length && m.canonical.startsWith(c)
}

/** How a point concerns the user's unit, or null. Exact names first, then parts of a named unit, then collective phrases. */
export function unitRole(point: UnitPointContext, m: UnitMatcher): UnitRole | null {
  if (!m.canonical)
    return null
  for (const exact of [true, false]) {
    if (point.leadUnits.some(u => named(u, point, m, exact)))
      return 'lead'
    if (point.partnerUnits.some(u => named(u, point, m, exact)))
      return 'partner'
  }
  const all = [...point.leadUnits, ...point.partnerUnits]
  return all.some(u => isCollectiveUnit(u) && collectiveCovers(u, point, m.canonical)) ? 'collective' : null
}

/** How one unit name, as a plan writes it, concerns the user's unit: bits of UNIT_EXACT, UNIT_PART and UNIT_COVERS. */
export const UNIT_EXACT = 1
export const UNIT_PART = 2
export const UNIT_COVERS = 4

/**
 * unitRole's tests of one name, all at once: a plan names the same few units on many points, so a caller that keeps
 * each plan's distinct names (src/domain/unit-facts.ts) tests each once per plan instead of once per point.
 */
export function unitNameMatch(unit: string, plan: UnitPlanContext, m: UnitMatcher, key: string = unitKey(unit, plan)): number {
  if (!m.canonical)
    return 0
  if (key === '')
    return isCollectiveUnit(unit) && collectiveCovers(unit, plan, m.canonical) ? UNIT_COVERS : 0
  return (namedAs(key, m, true) ? UNIT_EXACT : 0) | (namedAs(key, m, false) ? UNIT_PART : 0)
}

/**
 * A name's canonical full name as the plan writes it, '' for a collective phrase: the same for every user, so it is
 * kept with the plan facts and matching a unit at read time is string comparison, not 14 regular expressions a name.
 */
export function unitKey(unit: string, plan: UnitPlanContext): string {
  return isCollectiveUnit(unit) ? '' : cachedCanonical(qualifyUnit(unit, plan))
}

/**
 * A hash of the rules unitKey follows (the spellings, the level words, the collective phrases; data, so the same in
 * every bundle, the plan-data worker's too): keys kept under other rules, an older build's, are not to be trusted.
 */
export const UNIT_KEY_RULES: number = [...ALIASES.map(([p, r]) => `${p.source}/${r}`), ...Object.values(OWN_PREFIX).map(String), COLLECTIVE.source]
  .join('\n')
  .split('')
  .reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) | 0, 7)

/** unitRole from the unitNameMatch bits of a point's lead names and of its partner names (each OR-ed together). */
export function roleFromMatches(leads: number, partners: number): UnitRole | null {
  for (const bit of [UNIT_EXACT, UNIT_PART]) {
    if (leads & bit)
      return 'lead'
    if (partners & bit)
      return 'partner'
  }
  return (leads | partners) & UNIT_COVERS ? 'collective' : null
}
