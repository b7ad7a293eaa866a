import type { PlanData, WorkPoint } from '../../../../src/domain/plan'
import { describe, expect, it } from 'vitest'
import { largeSpec } from '../../../../scripts/fixtures/bench-formats'
import { renderText } from '../../../../scripts/fixtures/render'
import { PlanDataSchema } from '../../../../src/domain/plan'
import { ingest } from '../../../../src/ingest/pipeline'
import * as docs from './documents'

async function read(text: string, name = 'doc.txt'): Promise<PlanData & { diagnostics: { code: string, zh?: string }[] }> {
  const { data, diagnostics } = await ingest([{ name, bytes: new TextEncoder().encode(text) }])
  expect(() => PlanDataSchema.parse(data)).not.toThrow()
  return { ...data, diagnostics }
}
const points = (data: PlanData): WorkPoint[] => data.plans.flatMap(p => p.sections.flatMap(s => s.points))
const brief = (p: WorkPoint) => ({ no: p.no, title: p.title, lead: p.leadUnits, partner: p.partnerUnits, ...(p.group ? { group: p.group } : {}) })

describe('nested layouts: 一、 → （一） group → 1. items', () => {
  it('takes the items as the points, keeps the group heading on each, and numbering that runs on', async () => {
    const data = await read(docs.NESTED_RUN_ON)
    expect(data.plans).toHaveLength(1)
    const plan = data.plans[0]!
    expect(plan).toMatchObject({ title: '青山县2026年政务公开工作要点', region: '青山县', level: 'county', year: 2026, issuedOn: '2026-03-16' })
    expect(plan.sections.map(s => [s.no, s.title, s.points.length])).toEqual([[1, '围绕优化营商环境加强公开', 3], [2, '围绕民生关切强化公开', 3]])
    expect(points(data).map(brief)).toEqual([
      { no: 1, title: '集中公开涉企政策', lead: ['县发展改革局'], partner: ['县直各相关单位'], group: '深化惠企政策公开' },
      { no: 2, title: '做好政策解读回应', lead: ['县司法局'], partner: ['县直各相关单位'], group: '深化惠企政策公开' },
      { no: 3, title: '公开行政执法结果', lead: ['县司法局', '县市场监管局'], partner: [], group: '推进涉企执法信息公开' },
      { no: 4, title: '推进标准目录落地', lead: ['县政务服务中心'], partner: ['各乡镇人民政府'], group: '加强基层政务公开' },
      { no: 5, title: '办好政府开放日活动', lead: ['县政务服务中心'], partner: [], group: '加强基层政务公开' },
      { no: 6, title: '公开惠民惠农补贴信息', lead: ['县财政局', '县农业农村局'], partner: ['各乡镇'], group: '做好民生资金信息公开' },
    ])
    expect(points(data).map(p => p.id)).toEqual([1, 2, 3, 4, 5, 6].map(n => `${plan.id}-${n}`))
    const [first, , third] = points(data)
    expect(first!.deadlines).toEqual([{ text: '6月底前', date: '2026-06-30' }])
    expect(third!.deadlines).toEqual([{ text: '三季度末前', date: '2026-09-30' }])
    expect(points(data)[5]!.deadlines).toEqual([]) // 持续推进 is no date
  })

  it('keeps ids unique when item numbers restart in every group', async () => {
    const data = await read(docs.NESTED_RESTART)
    const all = points(data)
    expect(all.map(p => [p.no, p.group, p.title])).toEqual([
      [1, '健全数据资源体系', '编制公共数据资源目录'],
      [2, '健全数据资源体系', '开展数据质量治理'],
      [1, '推进数据共享', '完善共享交换平台'],
      [2, '推进数据共享', '建立共享评价机制'],
      [1, '培育数据市场', '推进公共数据授权运营'],
    ])
    expect(new Set(all.map(p => p.id)).size).toBe(5)
    expect(all[2]!.deadlines).toEqual([{ text: '上半年', date: '2025-06-30' }])
  })
})

describe('numbering variants', () => {
  it('reads numbering that runs past 999 (1000. 1001. …) as the same run of items, not as years', async () => {
    const { data } = await ingest([{ name: 'long.txt', bytes: renderText(largeSpec(1200)) }])
    const all = points(data)
    expect(all).toHaveLength(1200)
    expect(all.map(p => p.no)).toEqual(Array.from({ length: 1200 }, (_, i) => i + 1))
    expect(all[1099]).toMatchObject({ title: '推进第1100项重点工作任务落实', group: '深化第2类任务' })
    expect(data.plans[0]!.sections).toHaveLength(40)
  })

  it('reads 1、 points with no sections as one implicit section, and bracketed labels', async () => {
    const data = await read(docs.FLAT_LABELS)
    const plan = data.plans[0]!
    expect(plan).toMatchObject({ title: '红星镇2026年便民服务工作计划', region: '红星镇', level: 'town', year: 2026 })
    expect(plan.sections).toHaveLength(1)
    expect(points(data).map(brief)).toEqual([
      { no: 1, title: '优化便民服务站布局', lead: ['镇党政办', '镇社会事务办'], partner: [] },
      { no: 2, title: '推行帮办代办服务', lead: ['镇便民服务中心'], partner: ['各村（社区）'] },
      { no: 3, title: '开展延时错时服务', lead: ['镇便民服务中心'], partner: [] },
      { no: 4, title: '规范窗口服务行为', lead: ['镇便民服务中心', '镇纪委'], partner: [] },
    ])
    expect(points(data)[3]!.deadlines).toEqual([{ text: '2026年6月底前', date: '2026-06-30' }])
    expect(points(data)[3]!.body).toBe('2026年6月底前完成窗口人员轮训。')
  })

  it('reads 第一条 articles of a department list', async () => {
    const data = await read(docs.ARTICLES)
    const plan = data.plans[0]!
    expect(plan).toMatchObject({ title: '湖西省民政厅2025年重点任务清单', region: '湖西省', level: 'department', year: 2025 })
    expect(points(data).map(brief)).toEqual([
      { no: 1, title: '健全养老服务体系', lead: ['养老服务处'], partner: ['社会救助处'] },
      { no: 2, title: '完善社会救助制度', lead: ['社会救助处'], partner: [] },
      { no: 3, title: '深化婚姻登记跨省通办', lead: ['社会事务处'], partner: [] },
    ])
    expect(points(data)[2]!.deadlines).toEqual([{ text: '9月底前', date: '2025-09-30' }])
  })

  it.each([
    ['（1）', docs.PAREN_DIGITS, '东湖区2026年重点工作任务分解表', ['推进新生儿出生一件事', '推进企业开办一件事', '提升热线接通率']],
    ['①', docs.CIRCLED, '南岭县2024年工作要点', ['抓好重点项目', '优化项目审批', '办好民生实事']],
    ['⑴', docs.ENCLOSED_PAREN, '北山市2023年政务服务实施方案', ['推行告知承诺制', '推进跨省通办']],
  ])('reads points numbered %s', async (_marker, text, title, titles) => {
    const data = await read(text)
    expect(data.plans.map(p => p.title)).toEqual([title])
    expect(points(data).map(p => p.title)).toEqual(titles)
    expect(points(data).every(p => p.leadUnits.length > 0)).toBe(true)
  })
})

describe('responsibility written other ways', () => {
  it('gathers several （…负责落实） brackets and a separate 责任单位 line', async () => {
    const data = await read(docs.SPLIT_RESPONSIBILITY)
    const [a, b, c] = points(data)
    expect(a).toMatchObject({ title: '推进高频事项网上办', leadUnits: ['县行政审批局', '县数据局'] })
    expect(a!.body).toBe('完善网上办事大厅，推动电子证照应用。')
    expect(b).toMatchObject({ title: '完善帮办代办机制', leadUnits: ['县政务服务中心'], partnerUnits: ['各乡镇人民政府'] })
    expect(b!.deadlines).toEqual([{ text: '年底前', date: '2026-12-31' }])
    expect(c!.deadlines).toEqual([]) // 长期坚持
  })
})

describe('labels for leaders and times', () => {
  it('reads units past a 牵头领导 label and the deadline from a 完成时限 label', async () => {
    const data = await read(docs.LEADER_LABELS)
    const [a, b] = points(data)
    expect(a).toMatchObject({ title: '推进惠企政策免申即享', body: '全面梳理惠企政策清单。', leadUnits: ['区发展改革局'], partnerUnits: ['区财政局'] })
    expect(a!.deadlines).toEqual([{ text: '2026年9月底', date: '2026-09-30' }])
    expect(b).toMatchObject({ leadUnits: ['区市场监管局'], partnerUnits: ['各街道办事处'], deadlines: [] })
    expect(data.plans[0]!.id).toBe('jiangbei-2026-zdgzrwqd') // no topic: the genre names the series
  })
})

describe('titles and issuers', () => {
  it.each([
    [docs.NATIONAL, { title: '国务院办公厅2024年政务公开工作要点', level: 'national', year: 2024 }],
    [docs.DEPARTMENT, { title: '湖西省教育厅2026年工作要点', region: '湖西省', level: 'department', year: 2026 }],
    [docs.COUNTY_DIVISION, { title: '东湖区2027年政务公开重点工作任务分工方案', region: '东湖区', level: 'county', year: 2027 }],
  ])('reads the plan of %#', async (text, expected) => {
    const data = await read(text)
    expect(data.plans).toHaveLength(1)
    expect(data.plans[0]).toMatchObject(expected)
    expect(points(data).length).toBeGreaterThan(0)
  })

  it('reads a year after the genre, written in characters, and a span of years', async () => {
    expect((await read(docs.YEAR_AFTER)).plans[0]).toMatchObject({ title: '青山县政务公开工作要点（2026年）', region: '青山县', year: 2026, level: 'county' })
    expect((await read(docs.YEAR_SPAN)).plans[0]).toMatchObject({ title: '白沙市2025—2027年数字政府建设实施方案', region: '白沙市', year: 2025, level: 'city' })
  })

  it('gives plans of different issuers and years different, stable ids', async () => {
    const ids = await Promise.all([docs.NATIONAL, docs.DEPARTMENT, docs.COUNTY_DIVISION].map(async t => (await read(t)).plans[0]!.id))
    expect(new Set(ids).size).toBe(3)
    expect(ids).toEqual(await Promise.all([docs.NATIONAL, docs.DEPARTMENT, docs.COUNTY_DIVISION].map(async t => (await read(t)).plans[0]!.id)))
  })
})

describe('noise', () => {
  it('reads through breadcrumbs, a headline over two lines, HTML remnants, pinyin annotations and ????', async () => {
    const data = await read(docs.NOISY)
    expect(data.plans.map(p => p.title)).toEqual(['西湖县2026年政务公开工作要点'])
    const plan = data.plans[0]!
    expect(plan.sections.map(s => s.title)).toEqual(['深化政务公开', '强化平台建设'])
    expect(points(data).map(brief)).toEqual([
      { no: 1, title: '推进决策公开', lead: ['县司法局'], partner: [] },
      { no: 2, title: '加强政策解读', lead: ['县政府办'], partner: ['县直各单位'] },
      { no: 3, title: '规范政府网站管理', lead: ['县政务服务中心'], partner: [] },
    ])
    expect(points(data)[1]!.body).toBe('做好解读工作。')
    expect(points(data)[2]!.deadlines).toEqual([{ text: '年底前', date: '2026-12-31' }])
    expect(JSON.stringify(data.plans)).not.toMatch(/div>|&nbsp;|kāi|\?\?|span/)
  })
})

describe('a plan with no recognisable title', () => {
  it('still comes out, titled from its first heading, with a diagnostic in words', async () => {
    const data = await read(docs.UNTITLED, '区里的安排.txt')
    expect(data.plans).toHaveLength(1)
    expect(data.plans[0]!.title).toBe('近期重点任务安排')
    expect(points(data).map(p => p.title)).toEqual(['落实纾困政策', '稳定就业'])
    expect(data.diagnostics.find(d => d.code === 'no-title')?.zh).toContain('近期重点任务安排')
  })

  it('falls back to the file name when the document starts with its points', async () => {
    const data = await read('一、抓好落实\n（一）落实纾困政策。（区发展改革局牵头）\n（二）稳定就业。（区人社局牵头）\n', '东湖区2025年稳就业任务.txt')
    expect(data.plans[0]).toMatchObject({ title: '东湖区2025年稳就业任务', year: 2025, region: '东湖区' })
  })
})
