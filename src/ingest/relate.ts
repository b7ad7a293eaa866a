import type { Plan, Relation, RelationKind, WorkPoint } from '../domain/plan'
import type { SparseVector } from './similarity'
import { CandidateIndex } from './candidate-index'
import { LEVEL_RANK, planTopic, regionKey, topicsMatch } from './plan-topic'
import { charBigrams, cosine, fitTfIdf, termCounts } from './similarity'

/**
 * Minimum score for a link of each kind; below it two points are treated as unrelated. Tuned on the seeds:
 * a city point that implements a provincial one scores 0.3–1 against it, unrelated pairs stay under 0.15;
 * year-on-year rewrites are looser (true pairs 0.13–0.5, the best wrong candidate ≤ 0.13).
 */
export const RELATION_THRESHOLDS: Readonly<Record<RelationKind, number>> = {
  parent: 0.2,
  previous: 0.13,
  peer: 0.3,
}

/** Most links of each kind a point keeps. */
export const MAX_LINKS_PER_KIND = 2

// A second link of a kind is kept only when it is nearly as good as the first (a point that merges two).
const SECOND_LINK_RATIO = 0.7
// A city point can implement a provincial point of another plan (政能量 sits in 政务公开 in 长沙 but in
// 政务管理服务 in 湖南), so a topic mismatch lowers the score instead of forbidding the link.
const CROSS_TOPIC_FACTOR = 0.8
// The title says what the point is; it counts twice.
const TITLE_WEIGHT = 2

const KIND_ORDER: readonly RelationKind[] = ['parent', 'previous', 'peer']

interface PlanInfo {
  plan: Plan
  region: string
  rank: number | undefined
  topic: string
  points: PointInfo[]
}

interface PointInfo {
  point: WorkPoint
  vector: SparseVector
  owner: PlanInfo
}

/** Links every point to its parent (higher level, same year), previous (same region, year − 1) and peer points. Pure; returns new plans. */
export function relatePlans(plans: Plan[]): Plan[] {
  const infos = describePlans(plans).filter(info => info.plan.year !== null)
  const linksByPoint = new Map<string, Relation[]>()

  const pools = new PoolCache()
  for (const info of infos) {
    const levels = parentLevels(info, infos, pools)
    const previous = pools.get(`previous:${info.plan.year! - 1}:${info.region}:${info.plan.level}:${info.topic}`, () => infos.filter(o => o.plan.year === info.plan.year! - 1 && o.region === info.region
      && o.plan.level === info.plan.level && topicsMatch(o.topic, info.topic) !== false).flatMap(o => o.points))
    for (const p of info.points) {
      let parents: Relation[] = []
      for (let i = 0; i < levels.length && parents.length === 0; i++)
        parents = bestLinks(p, levels[i]!.candidates(p.vector), 'parent')
      linksByPoint.set(p.point.id, [...parents, ...bestLinks(p, previous.candidates(p.vector), 'previous')])
    }
  }

  // Peers are found through a shared parent: two cities implementing the same provincial point are siblings,
  // and comparing only those keeps this step linear instead of pairing every city point with every other.
  const childrenOf = new Map<string, PointInfo[]>()
  for (const info of infos) {
    for (const p of info.points) {
      for (const link of linksByPoint.get(p.point.id)!.filter(l => l.kind === 'parent')) {
        const siblings = childrenOf.get(link.pointId)
        if (siblings)
          siblings.push(p)
        else
          childrenOf.set(link.pointId, [p])
      }
    }
  }
  for (const info of infos) {
    // Points with no parent (local initiatives, or no higher plan in the input) are compared directly.
    // One pool per year, level and topic serves every region; a point's own region is filtered out below.
    const orphanSiblings = pools.get(`orphans:${info.plan.year}:${info.plan.level}:${info.topic}`, () => infos.filter(o => o.plan.year === info.plan.year && o.plan.level === info.plan.level
      && topicsMatch(o.topic, info.topic) !== false)
      .flatMap(o => o.points.filter(q => !hasParent(q, linksByPoint))))
    for (const p of info.points) {
      const links = linksByPoint.get(p.point.id)!
      const parentIds = links.filter(l => l.kind === 'parent').map(l => l.pointId)
      const candidates = parentIds.length === 0
        ? orphanSiblings.candidates(p.vector).filter(q => q.owner.region !== info.region)
        : [...new Set(parentIds.flatMap(id => pools.get(`children:${id}`, () => childrenOf.get(id) ?? []).candidates(p.vector)))]
            .filter(q => q.owner.plan.level === info.plan.level && q.owner.region !== info.region)
      links.push(...bestLinks(p, candidates, 'peer'))
    }
  }

  return plans.map(plan => ({
    ...plan,
    sections: plan.sections.map(section => ({
      ...section,
      points: section.points.map(point => ({ ...point, related: sortLinks(linksByPoint.get(point.id) ?? []) })),
    })),
  }))
}

function hasParent(p: PointInfo, linksByPoint: Map<string, Relation[]>): boolean {
  return linksByPoint.get(p.point.id)!.some(l => l.kind === 'parent')
}

function describePlans(plans: Plan[]): PlanInfo[] {
  // Region names differ between a province and its cities by definition; they say nothing about the topic.
  const neutralize = makeNeutralizer(new Set(plans.map(p => regionKey(p.region)).filter(r => r.length >= 2)))
  const counted = plans.map(plan => plan.sections.flatMap(s => s.points).map(point => ({
    point,
    counts: termCounts(charBigrams(neutralize(point.body)), 1, termCounts(charBigrams(neutralize(point.title)), TITLE_WEIGHT)),
  })))
  const model = fitTfIdf(counted.flat().map(c => c.counts))
  return plans.map((plan, i) => {
    const info: PlanInfo = { plan, region: regionKey(plan.region), rank: LEVEL_RANK[plan.level], topic: planTopic(plan), points: [] }
    info.points = counted[i]!.map(c => ({ point: c.point, vector: model.vectorize(c.counts), owner: info }))
    return info
  })
}

// Strips region names and folds the level words (省/市/县…) into one mark, so 全省 and 全市 read alike. One pass over
// the text, trying the longest names first: the cost does not grow with the number of regions.
function makeNeutralizer(regionNames: ReadonlySet<string>): (text: string) => string {
  const lengths = [...new Set([...regionNames].map(n => n.length))].sort((a, b) => b - a)
  return text => neutralize(text, regionNames, lengths)
}

function neutralize(text: string, regionNames: ReadonlySet<string>, lengths: readonly number[]): string {
  let out = ''
  for (let i = 0; i < text.length;) {
    const length = lengths.find(l => regionNames.has(text.slice(i, i + l)))
    if (length) {
      i += length
      continue
    }
    out += text[i]
    i++
  }
  return out.replace(/[省市县区州]/gu, '级')
}

/** Candidate pools, built once per key and indexed for similarity look-ups. */
class PoolCache {
  private readonly pools = new Map<string, CandidateIndex<PointInfo>>()
  get(key: string, build: () => PointInfo[]): CandidateIndex<PointInfo> {
    let pool = this.pools.get(key)
    if (!pool) {
      pool = new CandidateIndex(build())
      this.pools.set(key, pool)
    }
    return pool
  }
}

/** Candidate parent points of the same year, one pool per higher level, nearest level first. */
function parentLevels(info: PlanInfo, infos: PlanInfo[], pools: PoolCache): CandidateIndex<PointInfo>[] {
  if (info.rank === undefined)
    return []
  const levels: CandidateIndex<PointInfo>[] = []
  for (let rank = info.rank - 1; rank >= 0; rank--) {
    const atLevel = pools.get(`parents:${rank}:${info.plan.year}`, () => infos.filter(o => o.rank === rank && o.plan.year === info.plan.year).flatMap(o => o.points))
    if (atLevel.items.length > 0)
      levels.push(atLevel)
  }
  return levels
}

function bestLinks(from: PointInfo, candidates: readonly PointInfo[], kind: RelationKind): Relation[] {
  const scored: { relation: Relation, region: string }[] = []
  for (const target of candidates) {
    const factor = topicsMatch(from.owner.topic, target.owner.topic) === false ? CROSS_TOPIC_FACTOR : 1
    const score = round(cosine(from.vector, target.vector) * factor)
    if (score >= RELATION_THRESHOLDS[kind])
      scored.push({ relation: { pointId: target.point.id, kind, score }, region: target.owner.region })
  }
  scored.sort((a, b) => byScoreThenId(a.relation, b.relation))
  const best = scored[0]
  if (!best)
    return []
  return scored
    // A county sits under one city: its parents all come from the region of the best one.
    .filter(s => kind !== 'parent' || s.region === best.region)
    .slice(0, MAX_LINKS_PER_KIND)
    .filter(s => s.relation.score >= best.relation.score * SECOND_LINK_RATIO)
    .map(s => s.relation)
}

function sortLinks(links: Relation[]): Relation[] {
  return [...links].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || byScoreThenId(a, b))
}

function byScoreThenId(a: Relation, b: Relation): number {
  return b.score - a.score || (a.pointId < b.pointId ? -1 : a.pointId > b.pointId ? 1 : 0)
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000
}
