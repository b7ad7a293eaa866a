import { describe, expect, it } from 'vitest'
import { findTrailingResponsibility, parseResponsibility } from '../../../src/ingest/responsibility'

function units(p: string) {
  const r = parseResponsibility(p)
  return { lead: r.leadUnits, partner: r.partnerUnits }
}

describe('parseResponsibility', () => {
  it('units before 牵头 lead; collective phrases are partners', () => {
    expect(units('（省政务局、省政务服务和大数据中心牵头，省直相关单位按职责分工负责）')).toEqual({ lead: ['省政务局', '省政务服务和大数据中心'], partner: ['省直相关单位'] })
  })

  it('reads 分别牵头 and drops the trailing 等单位', () => {
    expect(units('（省公安厅、省教育厅、人民银行长沙中心支行等单位按职责分别牵头负责）').lead).toEqual(['省公安厅', '省教育厅', '人民银行长沙中心支行'])
  })

  it('without any 牵头, the named units that 按职责分工负责 lead', () => {
    expect(units('（省政务局、省财政厅按职责分工负责）')).toEqual({ lead: ['省政务局', '省财政厅'], partner: [] })
    expect(units('（市直相关单位按职责分工负责）')).toEqual({ lead: [], partner: ['市直相关单位'] })
  })

  it('a collective named before 牵头 is still a partner', () => {
    expect(units('（市行政审批服务局、市直相关单位牵头）')).toEqual({ lead: ['市行政审批服务局'], partner: ['市直相关单位'] })
    expect(units('（省政务局和省直相关单位牵头）')).toEqual({ lead: ['省政务局'], partner: ['省直相关单位'] })
  })

  it('keeps 和 inside a unit name and splits it between two units', () => {
    expect(units('（省政务服务和大数据中心牵头）').lead).toEqual(['省政务服务和大数据中心'])
    expect(units('（省纪委办公厅、省政务局牵头，省直相关单位和各市州、县市区纪委监委按职责分工负责）')).toEqual({
      lead: ['省纪委办公厅', '省政务局'],
      partner: ['省直相关单位', '各市州、县市区纪委监委'],
    })
  })

  it('reads 均为责任单位 as partners and shares a list\'s suffix', () => {
    expect(units('（省政务局牵头，省直相关单位按职责分工负责。各市州、县市区人民政府均为责任单位，以下不再列出）').partner).toEqual(['省直相关单位', '各市州、县市区人民政府'])
    expect(units('（省政务局牵头，省直相关单位和长沙、岳阳、郴州市人民政府按职责分工负责）').partner).toEqual(['长沙市人民政府', '岳阳市人民政府', '郴州市人民政府', '省直相关单位'])
  })

  it('separates named units listed with 等 before a collective', () => {
    expect(units('（省政务局牵头，省人力资源社会保障厅、省医保局等省直相关单位按职责分工负责）').partner).toEqual(['省人力资源社会保障厅', '省医保局', '省直相关单位'])
  })
})

describe('findTrailingResponsibility', () => {
  it('finds the last parenthesis when it names who is responsible, with nested brackets', () => {
    const text = '推进公开。（市发展改革委牵头，湖南湘江新区管委会、各区县（市）人民政府均为责任单位）'
    expect(text.slice(findTrailingResponsibility(text))).toBe('（市发展改革委牵头，湖南湘江新区管委会、各区县（市）人民政府均为责任单位）')
  })
  it('ignores body parentheses', () => {
    expect(findTrailingResponsibility('印发《湖南省政务数据目录编制指南（试行）》')).toBe(-1)
    expect(findTrailingResponsibility('落实“三同步”（同步组织、同步审签、同步部署）')).toBe(-1)
    expect(findTrailingResponsibility('做好预决算公开（含“三公”经费）。')).toBe(-1)
  })
})
