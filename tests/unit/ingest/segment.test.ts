import { describe, expect, it } from 'vitest'
import { normalizeText } from '../../../src/ingest/normalize'
import { segmentDocument } from '../../../src/ingest/segment'

const segment = (text: string) => segmentDocument(normalizeText(text).text)

const PLAN = `某某县人民政府办公室
2024年2月1日
某某县2024年政务公开工作要点
以习近平新时代中国特色社会主义思想为指导，做好政务公开工作。
一、深化重点领域信息公开
（一）加强政策公开。及时公开政策文件，年底前完成清理。（县政务局牵头，县直相关单位按职责分工负责）
（二）做好解读工作。落实“三同步”（同步组织、同步审签、同步部署）要求。（县司法局牵头）
二、强化监督保障
（三）抓好工作落实。梳理形成工作台账。（县政务局牵头）
`

describe('segmentDocument', () => {
  it('reads plan, sections and points from a line-structured document', () => {
    const { plans } = segment(PLAN)
    expect(plans).toHaveLength(1)
    expect(plans[0]).toMatchObject({ title: '某某县2024年政务公开工作要点', region: '某某县', year: 2024, topic: '政务公开', issuedOn: '2024-02-01' })
    expect(plans[0]!.sections).toEqual([{ no: 1, title: '深化重点领域信息公开' }, { no: 2, title: '强化监督保障' }])
    expect(plans[0]!.points.map(p => [p.sectionNo, p.no])).toEqual([[1, 1], [1, 2], [2, 3]])
    expect(plans[0]!.points[1]!.text).toBe('做好解读工作。落实“三同步”（同步组织、同步审签、同步部署）要求。（县司法局牵头）')
  })

  it('reads the same plan flattened onto one line', () => {
    const { plans } = segment(PLAN.replace(/\n/g, ''))
    expect(plans).toHaveLength(1)
    expect(plans[0]!.points.map(p => p.no)).toEqual([1, 2, 3])
    expect(plans[0]!.sections.map(s => s.title)).toEqual(['深化重点领域信息公开', '强化监督保障'])
  })

  it('reads a point number standing alone on its line and titles broken across lines', () => {
    const pdf = PLAN.replace('（二）做好解读工作。', '（二）\n做好解\n读工作。')
    expect(segment(pdf).plans[0]!.points[1]!.text.startsWith('做好解读工作。')).toBe(true)
  })

  it('reads points numbered 1. 2. and restarts per section', () => {
    const text = `某市2023年教育数字化工作要点
一、夯实基础
1. 推动升级。建设200个工作室。
2. 完善平台。
二、保障措施
1. 建立机制。
2. 筑牢屏障。
附件：重点任务清单
3. 这不是要点。`
    const { plans } = segment(text)
    expect(plans[0]!.numbering).toBe('section')
    expect(plans[0]!.points.map(p => `${p.sectionNo}.${p.no}`)).toEqual(['1.1', '1.2', '2.1', '2.2'])
    expect(plans[0]!.points.at(-1)!.text).toBe('筑牢屏障。')
  })

  it('splits a notice carrying two plans and stops at the next notice', () => {
    const text = `关于印发《某市2023年政务管理服务工作要点》和《某市2023年政务公开工作要点》的通知
某政办发〔2023〕5号
某市人民政府办公室
2023年4月1日
某市2023年政务管理服务工作要点
一、优化服务
（一）办好实事。（市政务局牵头）
某市2023年政务公开工作要点
一、深化公开
（一）加强公开。（市政务局牵头）
（二）做好解读。（市司法局牵头）
2. 某县教育局关于印发《某县学校管理办法》的通知
（三）不属于上一个计划。`
    const { plans } = segment(text)
    expect(plans.map(p => [p.title, p.points.length, p.docNo, p.issuedOn])).toEqual([
      ['某市2023年政务管理服务工作要点', 1, '某政办发〔2023〕5号', '2023-04-01'],
      ['某市2023年政务公开工作要点', 2, '某政办发〔2023〕5号', '2023-04-01'],
    ])
    expect(plans[1]!.points[1]!.text).toBe('做好解读。（市司法局牵头）')
  })

  it('ignores titles cited inside 《》 and sentences that mention a plan', () => {
    const text = `某市2023年政务公开工作要点
根据《湖南省2023年政务公开工作要点》要求，结合实际，现制定某市2023年政务公开工作要点。
一、深化公开
（一）加强公开。对上一年度工作要点落实情况开展“回头看”，2023年度政府信息公开工作报告要将本年度工作要点落实情况予以公开。（市政务局牵头）`
    const { plans } = segment(text)
    expect(plans).toHaveLength(1)
    expect(plans[0]!.points).toHaveLength(1)
  })

  it('does not read numerals inside the body as point markers', () => {
    const text = `某市2023年政务公开工作要点
一、深化公开
（一）加强公开。落实“十四五”规划（十四五）与（五）项要求，年内组织1次培训。（市政务局牵头）
（二）做好解读。（市司法局牵头）`
    const { plans } = segment(text)
    expect(plans[0]!.points.map(p => p.no)).toEqual([1, 2])
  })

  it('finds no plan in text without a plan heading', () => {
    expect(segment('这是一段没有编号要点的普通文字。\n第二段。').plans).toEqual([])
  })
})
