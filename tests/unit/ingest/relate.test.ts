import type { Plan, Relation, WorkPoint } from '../../../src/domain/plan'
import type { FixturePlan } from './fixtures/points'
import { describe, expect, it } from 'vitest'
import { PlanSchema } from '../../../src/domain/plan'
import { LEVEL_RANK, planTopic, regionKey, topicsMatch } from '../../../src/ingest/plan-topic'
import { MAX_LINKS_PER_KIND, relatePlans, RELATION_THRESHOLDS } from '../../../src/ingest/relate'
import { buildPlans, FIXTURE_PLANS, fixturePoint, scaledPlans } from './fixtures/points'

function pointsById(plans: Plan[]): Map<string, { point: WorkPoint, plan: Plan }> {
  return new Map(plans.flatMap(plan => plan.sections.flatMap(s => s.points.map(point => [point.id, { point, plan }] as const))))
}

const related = relatePlans(buildPlans())
const byId = pointsById(related)
function links(pointId: string, kind?: Relation['kind']): Relation[] {
  return byId.get(pointId)!.point.related.filter(r => kind === undefined || r.kind === kind)
}
const firstLink = (pointId: string, kind: Relation['kind']): string | undefined => links(pointId, kind)[0]?.pointId

describe('plan topics', () => {
  it('reads region, year and topic out of plan titles', () => {
    expect(planTopic({ title: '湖南省2023年政务公开工作要点', region: '湖南省' })).toBe('政务公开')
    expect(planTopic({ title: '湖南省2022年政务管理服务工作要点', region: '湖南省' })).toBe('政务管理服务')
    expect(planTopic({ title: '岳阳市2023 年推进教育数字化工作要点', region: '岳阳市' })).toBe('推进教育数字化')
    expect(planTopic({ title: '关于统一全省政务服务场所名称和形象标识的通知', region: '湖南省' })).toBe('')
  })

  it('compares regions without their suffix and topics by containment', () => {
    expect(regionKey('湖南省')).toBe(regionKey('湖南'))
    expect(regionKey('长沙市')).toBe('长沙')
    expect(topicsMatch('政务公开', '政务公开')).toBe(true)
    expect(topicsMatch('政务公开', '政务管理服务')).toBe(false)
    expect(topicsMatch('', '政务公开')).toBeUndefined()
  })

  it('ranks province above city above county above town', () => {
    expect(LEVEL_RANK.province).toBeLessThan(LEVEL_RANK.city!)
    expect(LEVEL_RANK.city).toBeLessThan(LEVEL_RANK.county!)
    expect(LEVEL_RANK.county).toBeLessThan(LEVEL_RANK.town!)
  })
})

describe('relatePlans: parent', () => {
  it.each([
    ['changsha-2023-zwgk-1', 'hunan-2023-zwgk-1'],
    ['changsha-2023-zwgk-12', 'hunan-2023-zwgk-12'],
    ['loudi-2023-zwgk-1', 'hunan-2023-zwgk-1'],
    ['loudi-2023-zwgk-11', 'hunan-2023-zwgk-10'],
    ['loudi-2023-zwfw-1', 'hunan-2023-zwfw-1'],
    ['loudi-2023-zwfw-4', 'hunan-2023-zwfw-4'],
    ['loudi-2023-zwfw-16', 'hunan-2023-zwfw-17'],
  ])('links %s to the provincial point %s', (city, province) => {
    expect(firstLink(city, 'parent')).toBe(province)
  })

  it('finds a parent in another topic\'s plan when the province files the point there', () => {
    // 长沙 keeps 政能量 in its 政务公开 plan; 湖南 has it in 政务管理服务.
    expect(firstLink('changsha-2023-zwgk-13', 'parent')).toBe('hunan-2023-zwfw-20')
  })

  it('gives close city copies a high score', () => {
    expect(links('changsha-2023-zwgk-1', 'parent')[0]!.score).toBeGreaterThan(0.8)
  })

  it('leaves points without a provincial counterpart without a parent', () => {
    for (const no of [1, 5, 12])
      expect(links(`yueyang-2023-jysz-${no}`, 'parent')).toEqual([])
    expect(links('loudi-2023-zwfw-5', 'parent')).toEqual([])
  })

  it('gives provincial points no parent', () => {
    for (const { point, plan } of byId.values()) {
      if (plan.level === 'province')
        expect(point.related.filter(r => r.kind === 'parent')).toEqual([])
    }
  })

  it('prefers the nearest higher level and climbs further only when it finds nothing there', () => {
    const county: FixturePlan = {
      id: 'wangcheng-2023-zwgk',
      title: '望城区2023年政务公开工作要点',
      region: '望城区',
      level: 'county',
      year: 2023,
      source: 'synthetic.txt',
      sections: [{ no: 1, title: '深化重点领域信息公开', points: [
        // Word for word the provincial point, yet 长沙 (one level up) has its own version.
        { no: 1, ...fixturePoint('hunan-2023-zwgk', 1) },
        // 长沙's fixture has no 评比评估 point, so this one climbs to the province.
        { no: 2, ...fixturePoint('hunan-2023-zwgk', 15) },
      ] }],
    }
    const out = pointsById(relatePlans([...buildPlans(), ...buildPlans([county])]))
    expect(out.get('wangcheng-2023-zwgk-1')!.point.related.find(r => r.kind === 'parent')?.pointId).toBe('changsha-2023-zwgk-1')
    expect(out.get('wangcheng-2023-zwgk-2')!.point.related.find(r => r.kind === 'parent')?.pointId).toBe('hunan-2023-zwgk-15')
  })

  it('gives department plans no parent', () => {
    const dept: FixturePlan = { ...FIXTURE_PLANS.find(p => p.id === 'loudi-2023-zwgk')!, id: 'loudi-dept-2023', level: 'department' }
    const out = pointsById(relatePlans([...buildPlans(), ...buildPlans([dept])]))
    expect(out.get('loudi-dept-2023-1')!.point.related.filter(r => r.kind === 'parent')).toEqual([])
  })
})

describe('relatePlans: previous', () => {
  it.each([
    ['hunan-2023-zwgk-15', 'hunan-2022-zwgk-17'],
    ['hunan-2023-zwgk-13', 'hunan-2022-zwgk-16'],
    ['hunan-2023-zwgk-10', 'hunan-2022-zwgk-11'],
    ['hunan-2023-zwfw-3', 'hunan-2022-zwfw-16'],
    ['hunan-2023-zwfw-4', 'hunan-2022-zwfw-24'],
    ['hunan-2023-zwfw-17', 'hunan-2022-zwfw-36'],
  ])('links %s to its 2022 predecessor %s', (point, predecessor) => {
    expect(firstLink(point, 'previous')).toBe(predecessor)
  })

  it('keeps a second predecessor when the point merges two of last year\'s', () => {
    expect(links('hunan-2023-zwfw-17', 'previous').map(r => r.pointId)).toEqual(['hunan-2022-zwfw-36', 'hunan-2022-zwfw-35'])
  })

  it('leaves points that are new this year without a predecessor', () => {
    expect(links('hunan-2023-zwfw-1', 'previous')).toEqual([])
    expect(links('hunan-2023-zwgk-1', 'previous')).toEqual([])
  })

  it('looks only at the same region and topic', () => {
    for (const { point, plan } of byId.values()) {
      for (const r of point.related.filter(l => l.kind === 'previous')) {
        const target = byId.get(r.pointId)!.plan
        expect(regionKey(target.region)).toBe(regionKey(plan.region))
        expect(planTopic(target)).toBe(planTopic(plan))
      }
    }
    // 娄底 and 长沙 have no 2022 plans here.
    for (const { point, plan } of byId.values()) {
      if (plan.region !== '湖南省')
        expect(point.related.filter(r => r.kind === 'previous')).toEqual([])
    }
  })
})

describe('relatePlans: peer', () => {
  it('links sibling city points of the same year', () => {
    expect(firstLink('loudi-2023-zwgk-1', 'peer')).toBe('changsha-2023-zwgk-1')
    expect(firstLink('changsha-2023-zwgk-1', 'peer')).toBe('loudi-2023-zwgk-1')
  })

  it('does not pair unrelated sibling points', () => {
    for (const no of [1, 5, 12])
      expect(links(`yueyang-2023-jysz-${no}`)).toEqual([])
  })
})

describe('relatePlans: invariants', () => {
  it('keeps every link within the rules of its kind', () => {
    for (const { point, plan } of byId.values()) {
      for (const r of point.related) {
        const target = byId.get(r.pointId)!
        expect(target.plan.id).not.toBe(plan.id)
        expect(r.score).toBeGreaterThanOrEqual(RELATION_THRESHOLDS[r.kind])
        expect(r.score).toBeLessThanOrEqual(1)
        if (r.kind === 'parent') {
          expect(target.plan.year).toBe(plan.year)
          expect(LEVEL_RANK[target.plan.level]!).toBeLessThan(LEVEL_RANK[plan.level]!)
        }
        if (r.kind === 'previous')
          expect(target.plan.year).toBe(plan.year! - 1)
        if (r.kind === 'peer') {
          expect(target.plan.year).toBe(plan.year)
          expect(target.plan.level).toBe(plan.level)
          expect(target.plan.region).not.toBe(plan.region)
        }
      }
    }
  })

  it('keeps few links per kind, grouped by kind and best first', () => {
    const order = ['parent', 'previous', 'peer']
    for (const { point } of byId.values()) {
      for (const kind of order)
        expect(point.related.filter(r => r.kind === kind).length).toBeLessThanOrEqual(MAX_LINKS_PER_KIND)
      for (let i = 1; i < point.related.length; i++) {
        const [a, b] = [point.related[i - 1]!, point.related[i]!]
        const byKind = order.indexOf(a.kind) - order.indexOf(b.kind)
        expect(byKind < 0 || (byKind === 0 && a.score >= b.score)).toBe(true)
      }
    }
  })

  it('returns schema-valid new plans and leaves its input alone', () => {
    const input = buildPlans()
    const snapshot = structuredClone(input)
    const out = relatePlans(input)
    expect(input).toEqual(snapshot)
    expect(out).not.toBe(input)
    expect(out.map(p => p.id)).toEqual(input.map(p => p.id))
    for (const plan of out)
      expect(PlanSchema.safeParse(plan).success).toBe(true)
    expect(out.flatMap(p => p.sections.flatMap(s => s.points)).some(p => p.related.length > 0)).toBe(true)
  })

  it('replaces stale links instead of adding to them', () => {
    const once = relatePlans(buildPlans())
    expect(relatePlans(once)).toEqual(once)
  })

  it('is deterministic, whatever the order of the plans', () => {
    const plans = buildPlans()
    expect(relatePlans(structuredClone(plans))).toEqual(relatePlans(plans))
    const reversed = pointsById(relatePlans([...plans].reverse()))
    for (const [id, { point }] of byId)
      expect(reversed.get(id)!.point.related, id).toEqual(point.related)
  })

  it('handles plans without a year and an empty input', () => {
    expect(relatePlans([])).toEqual([])
    const undated = buildPlans().map(p => ({ ...p, year: null }))
    for (const plan of relatePlans(undated))
      expect(plan.sections.flatMap(s => s.points).every(p => p.related.length === 0)).toBe(true)
  })

  it('runs fast on ~200 points', () => {
    const plans = scaledPlans(200)
    const count = plans.reduce((n, p) => n + p.sections.reduce((m, s) => m + s.points.length, 0), 0)
    expect(count).toBeGreaterThanOrEqual(200)
    relatePlans(plans) // warm-up: the first call pays for JIT compilation
    const start = performance.now()
    const out = relatePlans(plans)
    const ms = performance.now() - start
    console.log(`relatePlans: ${count} points in ${plans.length} plans took ${ms.toFixed(1)} ms`)
    // A loose guard against accidental quadratic blow-ups, not a benchmark.
    expect(ms).toBeLessThan(2000)
    expect(out.flatMap(p => p.sections.flatMap(s => s.points)).filter(p => p.related.some(r => r.kind === 'peer')).length).toBeGreaterThan(0)
  })
})
