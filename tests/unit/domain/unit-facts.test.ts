import type { PlanLevel } from '~/domain/plan'
import { describe, expect, it } from 'vitest'
import { planUnitFacts, planUnitMatches, planUnitRoles, pointOffsets, pointUnitIndexes, qualifiedUnits } from '~/domain/unit-facts'
import { qualifyUnit, unitMatcher, unitRole } from '~/domain/unit-match'

// Names as plans write them: own-level short forms, long and short spellings, collective phrases, other levels.
const NAMES = ['市政务局', '市行政审批服务局', '市发展和改革委员会', '市发改委', '市直相关单位', '各县市区人民政府', '省政务局', '县数据局', '区财政局', '有关部门', '娄底市行政审批服务局', '市人民政府办公室', '市政府办', '长沙市数据资源局']
const REGIONS: [string, PlanLevel][] = [['娄底市', 'city'], ['长沙市', 'city'], ['湖南省', 'province'], ['新化县', 'county'], ['岳麓区', 'county']]
const USERS = ['娄底市行政审批服务局', '娄底市行政审批服务局政务服务科', '娄底市发展改革委', '长沙市政府办公室', '新化县人民政府', '湖南省政务局', '娄底市财政局', '长沙市数据资源局', '']

/** A deterministic pseudo-random plan: 0–40 points naming 0–3 lead and 0–3 partner units each. */
function plan(seed: number) {
  let x = seed
  const rnd = (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648
    // The high bits: an LCG's low bits repeat with a short period.
    return (x >>> 16) % n
  }
  const [region, level] = REGIONS[rnd(REGIONS.length)]!
  const names = (n: number) => Array.from({ length: n }, () => NAMES[rnd(NAMES.length)]!)
  const points = Array.from({ length: rnd(41) }, () => ({ leadUnits: names(rnd(4)), partnerUnits: names(rnd(4)) }))
  return { region, level, points }
}

describe('a plan\'s kept unit facts', () => {
  for (const seed of [1, 5, 42, 77, 2026, 31337]) {
    it(`give unitRole's answer and the qualified lead units of every point (plan ${seed})`, () => {
      const p = plan(seed)
      const facts = planUnitFacts(p, p.points)
      // Each name once, however many points name it.
      expect(new Set(facts.units).size).toBe(facts.units.length)
      const offsets = pointOffsets(facts.refs, p.points.length)!
      expect(offsets).toBeDefined()
      const qualified = qualifiedUnits(p, facts)
      p.points.forEach((pt, k) => {
        expect(Array.from(pointUnitIndexes(facts.refs, offsets[k]!), i => facts.units[i])).toEqual(pt.leadUnits)
        expect(Array.from(pointUnitIndexes(facts.refs, offsets[k]!, true), i => facts.units[i])).toEqual(pt.partnerUnits)
        expect(Array.from(pointUnitIndexes(facts.refs, offsets[k]!), i => qualified[i])).toEqual(pt.leadUnits.map(u => qualifyUnit(u, p)))
      })
      for (const user of USERS) {
        const m = unitMatcher(user)
        expect(planUnitRoles(facts, offsets, planUnitMatches(p, facts, m))).toEqual(p.points.map(pt => unitRole({ ...p, ...pt }, m)))
      }
    })
  }

  it('meet every role on these corpora (so the comparisons above are not all of nulls)', () => {
    const seen = new Set<string | null>()
    for (let seed = 1; seed < 40; seed++) {
      const p = plan(seed)
      const facts = planUnitFacts(p, p.points)
      for (const user of USERS)
        planUnitRoles(facts, pointOffsets(facts.refs, p.points.length)!, planUnitMatches(p, facts, unitMatcher(user))).forEach(r => seen.add(r))
    }
    expect([...seen].sort()).toEqual(['collective', 'lead', 'partner', null].sort())
  })

  it('do not fit a plan with another number of points', () => {
    const facts = planUnitFacts({ region: '娄底市', level: 'city' }, [{ leadUnits: ['市政务局'], partnerUnits: [] }, { leadUnits: [], partnerUnits: ['市直相关单位'] }])
    expect(pointOffsets(facts.refs, 2)).toBeDefined()
    expect(pointOffsets(facts.refs, 1)).toBeUndefined()
    expect(pointOffsets(facts.refs, 3)).toBeUndefined()
  })
})
