import type { BlockDocument, TableRow } from '../../../../src/ingest/blocks'
import { describe, expect, it } from 'vitest'
import { PlanDataSchema } from '../../../../src/domain/plan'
import { ingestBlocks } from '../../../../src/ingest/pipeline'

const row = (...cells: string[]): TableRow => ({ cells })
const merged = (text: string, width: number): TableRow => ({ cells: [text, ...Array.from({ length: width - 1 }, () => '')], merged: true })

function read(doc: Omit<BlockDocument, 'diagnostics' | 'source'>) {
  const result = ingestBlocks([{ source: 'table.xlsx', diagnostics: [], ...doc }])
  expect(() => PlanDataSchema.parse(result.data)).not.toThrow()
  return result
}
const points = (data: ReturnType<typeof read>['data']) => data.plans.flatMap(p => p.sections.flatMap(s => s.points))

describe('task tables', () => {
  it('reads an Excel 任务分解表: title row, header by column names, merged section rows, continuation rows', () => {
    const { data } = read({
      format: 'xlsx',
      blocks: [{
        kind: 'table',
        name: '任务分解',
        rows: [
          merged('长桥市2026年优化营商环境重点任务分解表', 6),
          row('序号', '重点任务', '具体措施', '牵头单位', '配合单位', '完成时限'),
          merged('一、提升政务服务效能', 6),
          row('1', '推行企业开办一件事', '整合营业执照、印章刻制、涉税办理等环节，实现1个工作日办结。', '市市场监管局', '市公安局、市税务局', '2026年6月30日'),
          row('', '', '同步推广电子营业执照应用。', '', '市数据局', ''),
          row('2', '深化工程建设项目审批改革', '压减审批时间。', '市住房城乡建设局', '各县市区人民政府', '持续推进'),
          merged('二、优化法治环境', 6),
          row('3', '规范涉企行政检查', '推行“综合查一次”。', '市司法局', '市直各执法部门', '三季度'),
          row('', '', '', '', '', ''),
          merged('备注：各责任单位于每季度末报送进展。', 6),
        ],
      }],
    })
    expect(data.plans).toHaveLength(1)
    const plan = data.plans[0]!
    expect(plan).toMatchObject({ title: '长桥市2026年优化营商环境重点任务分解表', region: '长桥市', level: 'city', year: 2026 })
    expect(plan.sections.map(s => [s.title, s.points.length])).toEqual([['提升政务服务效能', 2], ['优化法治环境', 1]])
    expect(points(data).map(p => [p.no, p.title, p.leadUnits, p.partnerUnits])).toEqual([
      [1, '推行企业开办一件事', ['市市场监管局'], ['市公安局', '市税务局', '市数据局']],
      [2, '深化工程建设项目审批改革', ['市住房城乡建设局'], ['各县市区人民政府']],
      [3, '规范涉企行政检查', ['市司法局'], ['市直各执法部门']],
    ])
    const [first, second, third] = points(data)
    expect(first!.body).toBe('整合营业执照、印章刻制、涉税办理等环节，实现1个工作日办结。同步推广电子营业执照应用。')
    expect(first!.deadlines).toEqual([{ text: '2026年6月30日', date: '2026-06-30' }])
    expect(second!.deadlines).toEqual([])
    expect(third!.deadlines).toEqual([{ text: '三季度', date: '2026-09-30' }])
  })

  it('reads a two-row header (责任单位 over 牵头单位 | 配合单位) and a Word table titled by the text before it', () => {
    const { data } = read({
      format: 'docx',
      blocks: [
        { kind: 'paragraph', text: '关于印发《河口县2026年政务公开重点任务清单》的通知' },
        { kind: 'paragraph', text: '河政办发〔2026〕3号' },
        { kind: 'paragraph', text: '河口县2026年政务公开重点任务清单' },
        {
          kind: 'table',
          rows: [
            row('序号', '工作任务', '责任单位', '', '完成时间'),
            row('', '', '牵头单位', '配合单位', ''),
            row('1', '推进决策公开。重大决策预公开。', '县司法局', '县直各单位', '年底前'),
            row('2', '做好政策解读', '县政府办', '', '每月'),
          ],
        },
      ],
    })
    expect(data.plans.map(p => [p.title, p.docNo, p.level])).toEqual([['河口县2026年政务公开重点任务清单', '河政办发〔2026〕3号', 'county']])
    expect(points(data).map(p => [p.title, p.body, p.leadUnits, p.partnerUnits, p.deadlines])).toEqual([
      ['推进决策公开', '重大决策预公开。', ['县司法局'], ['县直各单位'], [{ text: '年底前', date: '2026-12-31' }]],
      ['做好政策解读', '', ['县政府办'], [], []],
    ])
  })

  it('reads units from a 责任单位 column alone by the one rule, and sections written in the 序号 column', () => {
    const { data } = read({
      format: 'csv',
      blocks: [{
        kind: 'table',
        name: '东城街道2026年便民服务工作任务清单',
        rows: [
          row('序号', '任务名称', '工作要求', '责任单位', '时限要求'),
          row('一、', '便民服务站建设', '', '', ''),
          row('1', '改造便民服务站', '年内完成3个站点改造', '街道党政办、各社区居委会', '2026年11月底前'),
          row('二、', '帮办代办', '', '', ''),
          row('2', '组建帮办代办队伍', '', '街道便民服务中心', '上半年'),
        ],
      }],
    })
    const plan = data.plans[0]!
    expect(plan).toMatchObject({ title: '东城街道2026年便民服务工作任务清单', region: '东城街道', level: 'town', year: 2026 })
    expect(plan.sections.map(s => s.title)).toEqual(['便民服务站建设', '帮办代办'])
    expect(points(data).map(p => [p.leadUnits, p.partnerUnits, p.deadlines.map(d => d.date)])).toEqual([
      [['街道党政办'], ['各社区居委会'], ['2026-11-30']],
      [['街道便民服务中心'], [], ['2026-06-30']],
    ])
  })

  it('reads a table that is no task table as text, and says so when a table has no plan title', () => {
    const { data, diagnostics } = read({
      format: 'xlsx',
      blocks: [{ kind: 'table', name: 'Sheet1', rows: [row('序号', '工作任务', '牵头单位'), row('1', '梳理权责清单', '区司法局')] }],
    })
    expect(data.plans[0]!.title).toBe('table')
    expect(diagnostics.find(d => d.code === 'no-title')?.zh).toContain('没有可识别的计划标题')
  })
})

describe('a plan in the text with its points again in an 附件 task table', () => {
  const text = ['某某镇2026年重点工作任务', '一、优化营商环境', '1.推进证照分离改革。年底前完成。（镇经发办牵头）', '2.规范涉企检查。（镇综合执法队牵头）', '附件']
  const table = { kind: 'table' as const, rows: [
    row('序号', '重点任务', '牵头单位', '完成时限'),
    merged('一、优化营商环境', 4),
    row('1', '推进证照分离改革', '镇经发办', '2026年底前'),
    row('2', '规范涉企检查', '镇综合执法队', '持续推进'),
  ] }

  it('reads one plan when neither has a title the reader knows, the table taking the text plan\'s name', () => {
    const { data } = read({ format: 'docx', blocks: [...text.map(t => ({ kind: 'paragraph' as const, text: t })), table] })
    expect(data.plans.map(p => [p.title, p.region, p.year])).toEqual([['某某镇2026年重点工作任务', '某某镇', 2026]])
    expect(points(data).map(p => [p.no, p.title, p.leadUnits])).toEqual([[1, '推进证照分离改革', ['镇经发办']], [2, '规范涉企检查', ['镇综合执法队']]])
  })

  it('reads a title alone on its line that names 工作 in its topic (…政府工作报告重点任务分解表)', () => {
    const { data } = read({ format: 'docx', blocks: [{ kind: 'paragraph', text: '某某县2026年政府工作报告重点任务分解表' }, table] })
    expect(data.plans.map(p => [p.title, p.region, p.year, p.level])).toEqual([['某某县2026年政府工作报告重点任务分解表', '某某县', 2026, 'county']])
  })
})
