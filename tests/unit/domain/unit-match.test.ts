import { describe, expect, it } from 'vitest'
import { canonicalUnit, isCollectiveUnit, qualifyUnit, unitMatcher, unitRole } from '~/domain/unit-match'

const changsha = { region: '长沙市', level: 'city' as const }
const hunan = { region: '湖南省', level: 'province' as const }
const point = (plan: typeof changsha | typeof hunan, leadUnits: string[], partnerUnits: string[] = []) => ({ ...plan, leadUnits, partnerUnits })

describe('unit names', () => {
  it('qualifies a plan\'s own units with its region, and only those', () => {
    expect(qualifyUnit('市政务服务中心', changsha)).toBe('长沙市政务服务中心')
    expect(qualifyUnit('市政府办', changsha)).toBe('长沙市政府办')
    expect(qualifyUnit('省政务局', hunan)).toBe('湖南省政务局')
    // A city plan's 省 units belong to a province it does not name; collective phrases are not one unit.
    expect(qualifyUnit('省政务局', changsha)).toBe('省政务局')
    expect(qualifyUnit('市直相关单位', changsha)).toBe('市直相关单位')
    expect(qualifyUnit('人民银行长沙中心支行', changsha)).toBe('人民银行长沙中心支行')
    expect(qualifyUnit('市场监管局', { region: '', level: 'city' })).toBe('市场监管局')
  })

  it('spells long and short forms of the same unit alike', () => {
    expect(canonicalUnit('湖南省发展和改革委员会')).toBe(canonicalUnit('湖南省发展改革委'))
    expect(canonicalUnit('湖南省发改委')).toBe(canonicalUnit('湖南省发展改革委'))
    expect(canonicalUnit('长沙市人力资源和社会保障局')).toBe(canonicalUnit('长沙市人力资源社会保障局'))
    expect(canonicalUnit('长沙市市场监督管理局')).toBe(canonicalUnit('长沙市市场监管局'))
    expect(canonicalUnit('长沙市人民政府办公厅')).toBe(canonicalUnit('长沙市政府办'))
    expect(canonicalUnit(' 长沙市 政务服务中心 ')).toBe('长沙市政务服务中心')
    expect(canonicalUnit('长沙市数据资源局')).not.toBe(canonicalUnit('长沙市政务服务中心'))
  })

  it('tells collective phrases from named units', () => {
    for (const u of ['市直相关单位', '省直相关单位', '各县市区人民政府', '各市州、县市区人民政府', '有关部门', '市直各部门'])
      expect(isCollectiveUnit(u), u).toBe(true)
    for (const u of ['市直机关工委', '市政务服务中心', '省政务局', '长株潭三市人民政府'])
      expect(isCollectiveUnit(u), u).toBe(false)
  })
})

describe('unitRole', () => {
  const m = unitMatcher('长沙市政务服务中心')

  it('finds the unit as lead or partner by its full name', () => {
    expect(unitRole(point(changsha, ['市政务服务中心']), m)).toBe('lead')
    expect(unitRole(point(changsha, ['市数据资源局'], ['市政务服务中心']), m)).toBe('partner')
    expect(unitRole(point(hunan, ['长沙市政务服务中心']), m)).toBe('lead')
    expect(unitRole(point(changsha, ['市数据资源局']), m)).toBeNull()
    // 娄底市's 市政务服务中心 is another unit.
    expect(unitRole(point({ region: '娄底市', level: 'city' }, ['市政务服务中心']), m)).toBeNull()
    expect(unitRole(point(changsha, ['市政务服务中心']), unitMatcher('  '))).toBeNull()
  })

  it('prefers an exact lead or partner to the unit a part belongs to', () => {
    const section = unitMatcher('长沙市政务服务中心综合科')
    expect(unitRole(point(changsha, ['市数据资源局'], ['市政务服务中心']), section)).toBe('partner')
    expect(unitRole(point(changsha, ['市政务服务中心综合科'], ['市政务服务中心']), section)).toBe('lead')
    // Too short a name (the bare region) never swallows its units.
    expect(unitRole(point(hunan, ['长沙市']), m)).toBeNull()
  })

  it('counts 市直相关单位 only for units directly under the plan\'s own government', () => {
    expect(unitRole(point(changsha, ['市数据资源局'], ['市直相关单位']), m)).toBe('collective')
    expect(unitRole(point(hunan, ['省政务局'], ['省直相关单位']), m)).toBeNull()
    expect(unitRole(point(hunan, ['省政务局'], ['省直相关单位']), unitMatcher('湖南省财政厅'))).toBe('collective')
    // A district's unit and the city government itself are not 市直 units.
    expect(unitRole(point(changsha, ['市数据资源局'], ['市直相关单位']), unitMatcher('长沙市岳麓区政务服务中心'))).toBeNull()
    expect(unitRole(point(changsha, ['市数据资源局'], ['市直相关单位']), unitMatcher('长沙市人民政府'))).toBeNull()
    // 各县市区人民政府 covers the governments below the plan's.
    expect(unitRole(point(changsha, ['市数据资源局'], ['各区县（市）人民政府']), unitMatcher('长沙市岳麓区人民政府'))).toBe('collective')
    // A named role wins over a collective one.
    expect(unitRole(point(changsha, ['市直相关单位'], ['市政务服务中心']), m)).toBe('partner')
  })
})
