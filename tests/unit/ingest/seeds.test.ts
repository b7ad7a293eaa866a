import { describe, expect, it } from 'vitest'
import { PlanDataSchema } from '../../../src/domain/plan'
import { allPoints, ingestSeeds, pointById } from './seed-helpers'

const expected = [
  { title: '湖南省2023年政务管理服务工作要点', id: 'hunan-2023-zwglfw', sections: 6, points: 27, sources: ['000', '001', '003'] },
  { title: '湖南省2023年政务公开工作要点', id: 'hunan-2023-zwgk', sections: 5, points: 16, sources: ['000', '001', '003'] },
  { title: '湖南省2022年政务管理服务工作要点', id: 'hunan-2022-zwglfw', sections: 9, points: 39, sources: ['002'] },
  { title: '湖南省2022年政务公开工作要点', id: 'hunan-2022-zwgk', sections: 5, points: 17, sources: ['002'] },
  { title: '长沙市2023年政务公开工作要点', id: 'changsha-2023-zwgk', sections: 5, points: 17, sources: ['004'] },
  { title: '岳阳市2023年推进教育数字化工作要点', id: 'yueyang-2023-tjjyszh', sections: 3, points: 12, sources: ['001'] },
  { title: '娄底市2023年政务管理服务工作要点', id: 'loudi-2023-zwglfw', sections: 6, points: 26, sources: ['001'] },
  { title: '娄底市2023年政务公开工作要点', id: 'loudi-2023-zwgk', sections: 5, points: 17, sources: ['001'] },
]

const { data } = await ingestSeeds()

describe('the seeds (DESIGN.md §2 table)', () => {
  it('gives exactly the eight plans, with their sections, point counts and sources', () => {
    expect(data.plans.map(p => p.title).sort()).toEqual(expected.map(e => e.title).sort())
    for (const e of expected) {
      const plan = data.plans.find(p => p.title === e.title)!
      expect(plan.id).toBe(e.id)
      expect(plan.sections).toHaveLength(e.sections)
      expect(plan.sections.flatMap(s => s.points)).toHaveLength(e.points)
      expect(plan.sources.map(s => s.slice(0, 3))).toEqual(e.sources)
    }
  })

  it('validates against the PlanData contract', () => {
    expect(() => PlanDataSchema.parse(data)).not.toThrow()
  })

  it('numbers points 1..n in order with stable ids', () => {
    for (const plan of data.plans) {
      const points = plan.sections.flatMap(s => s.points)
      expect(points.map(p => p.no)).toEqual(points.map((_, i) => i + 1))
      expect(points.map(p => p.id)).toEqual(points.map(p => `${plan.id}-${p.no}`))
    }
  })

  it('reads plan metadata: region, level, year, document number, date', () => {
    const hunan = data.plans.find(p => p.id === 'hunan-2023-zwglfw')!
    expect(hunan).toMatchObject({ region: '湖南省', level: 'province', year: 2023, docNo: '湘政办发〔2023〕11号', issuedOn: '2023-03-06' })
    expect(data.plans.find(p => p.id === 'hunan-2022-zwgk')).toMatchObject({ docNo: '湘政办发〔2022〕16号', issuedOn: '2022-04-12' })
    expect(data.plans.find(p => p.id === 'changsha-2023-zwgk')).toMatchObject({ region: '长沙市', level: 'city', docNo: '长政务公开办发〔2023〕2号', issuedOn: '2023-03-31' })
    expect(data.plans.find(p => p.id === 'loudi-2023-zwgk')).toMatchObject({ docNo: '娄政务公开发〔2023〕2号', issuedOn: '2023-04-18' })
    expect(data.plans.find(p => p.id === 'yueyang-2023-tjjyszh')).toMatchObject({ docNo: '岳教体通〔2023〕50号', issuedOn: '2023-05-29' })
  })

  it('reads section titles without their numbers', () => {
    const hunan = data.plans.find(p => p.id === 'hunan-2023-zwglfw')!
    expect(hunan.sections[0]).toMatchObject({ no: 1, title: '围绕办好重点民生实事，推进“湘易办”全面提标行动' })
    const yueyang = data.plans.find(p => p.id === 'yueyang-2023-tjjyszh')!
    expect(yueyang.sections.map(s => s.title)).toEqual(['持续夯实教育数字化基础', '深入推进教育教学与数字化深度融合', '保障措施'])
  })

  it('keeps titles in Simplified Chinese, without markers or the closing 。', () => {
    const p2022 = pointById(data, 'hunan-2022-zwglfw-1')
    expect(p2022.title).toBe('强化“一网通办”支撑，推进全流程一体化网上政务服务')
    for (const p of allPoints(data)) {
      expect(p.title).not.toMatch(/[辦務關於發國開臺]|^（|。$/)
      expect(p.title.length).toBeGreaterThan(3)
    }
  })

  it('lets no text leak across points or plans', () => {
    for (const p of allPoints(data)) {
      const text = `${p.title}${p.body}${p.responsibility}`
      expect(text).not.toMatch(/关于印发|# ?Page|附件：|此件主动公开|（[一二三四五六七八九十]+）/)
      expect(text).not.toMatch(/工作要点》/)
    }
    // 岳阳's last point ends before the attachment line and the next notice of the compilation.
    expect(pointById(data, 'yueyang-2023-tjjyszh-12').body).toMatch(/全面提升网络安全保障能力。$/)
    // The PDF's broken lines are joined: no stray spaces inside Chinese text.
    expect(pointById(data, 'loudi-2023-zwglfw-1').body).not.toMatch(/[\u4E00-\u9FA5] [\u4E00-\u9FA5]/)
  })

  it('takes the cleanest reading of a merged point (not the shuffled scrape)', () => {
    const p = pointById(data, 'hunan-2023-zwglfw-1')
    expect(p.body.startsWith('落实省政府工作报告“十大重点民生实事”的任务部署')).toBe(true)
    expect(p.body).not.toContain('湖南省人民政府办公厅')
  })

  it('splits responsibility by the one rule', () => {
    const seven = pointById(data, 'hunan-2023-zwglfw-7')
    expect(seven.leadUnits).toHaveLength(12)
    expect(seven.leadUnits.at(-1)).toBe('人民银行长沙中心支行')
    expect(pointById(data, 'hunan-2023-zwglfw-14').leadUnits).toEqual(['省政务局', '省财政厅'])
    const cs5 = pointById(data, 'changsha-2023-zwgk-5')
    expect(cs5.leadUnits).toEqual([])
    expect(cs5.partnerUnits).toEqual(['市直相关单位'])
    const first = pointById(data, 'hunan-2023-zwglfw-1')
    expect(first.leadUnits).toEqual(['省政务局', '省政务服务和大数据中心'])
    expect(first.partnerUnits).toEqual(['省直相关单位', '各市州、县市区人民政府'])
    expect(first.responsibility).toMatch(/^（省政务局.*以下不再列出）$/)
  })

  it('keeps body parentheses out of the responsibility', () => {
    const withTrial = allPoints(data).find(p => p.body.includes('（试行）'))!
    expect(withTrial.responsibility).not.toContain('试行')
    const withFunds = allPoints(data).find(p => p.body.includes('（含“三公”经费）'))!
    expect(withFunds.leadUnits.length + withFunds.partnerUnits.length).toBeGreaterThan(0)
  })

  it('resolves deadlines against the plan year', () => {
    expect(pointById(data, 'hunan-2023-zwglfw-1').deadlines).toContainEqual({ text: '年底前', date: '2023-12-31' })
    const dated = allPoints(data).flatMap(p => p.deadlines)
    expect(dated).toContainEqual({ text: '6月份前', date: '2023-06-30' })
    expect(dated).toContainEqual({ text: '2022年底前', date: '2022-12-31' })
  })

  it('reads numeric targets', () => {
    expect(pointById(data, 'hunan-2023-zwglfw-1').targets).toContainEqual({ text: '上线服务事项10000项', value: 10000, unit: '项' })
  })

  it('gives every point one to three themes from the taxonomy', () => {
    const ids = new Set(data.themes.map(t => t.id))
    for (const p of allPoints(data)) {
      expect(p.themes.length).toBeGreaterThanOrEqual(1)
      expect(p.themes.length).toBeLessThanOrEqual(3)
      for (const t of p.themes) expect(ids.has(t)).toBe(true)
    }
  })

  it('links city points to their provincial parents and 2023 points to 2022 predecessors', () => {
    const parentOf = (id: string) => pointById(data, id).related.find(r => r.kind === 'parent')?.pointId
    expect(parentOf('changsha-2023-zwgk-1')).toBe('hunan-2023-zwgk-1')
    expect(parentOf('loudi-2023-zwgk-1')).toBe('hunan-2023-zwgk-1')
    const linked = allPoints(data).filter(p => /^(?:changsha|loudi)-2023-zwgk/.test(p.id) && p.related.some(r => r.kind === 'parent' && r.pointId.startsWith('hunan-2023-zwgk')))
    expect(linked.length).toBeGreaterThanOrEqual(28)
    const previous = allPoints(data).filter(p => p.id.startsWith('hunan-2023') && p.related.some(r => r.kind === 'previous' && r.pointId.startsWith('hunan-2022')))
    expect(previous.length).toBeGreaterThan(5)
  })

  it('is deterministic: the same input gives the same ids and version', async () => {
    const { ingest } = await import('../../../src/ingest/pipeline')
    const { seedFiles } = await import('./seed-helpers')
    const again = await ingest(seedFiles().reverse())
    expect(again.data.version).toBe(data.version)
    expect(allPoints(again.data).map(p => p.id)).toEqual(allPoints(data).map(p => p.id))
  })
})
