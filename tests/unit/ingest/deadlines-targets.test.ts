import { describe, expect, it } from 'vitest'
import { extractDeadlines } from '../../../src/ingest/deadlines'
import { extractTargets } from '../../../src/ingest/targets'

describe('extractDeadlines', () => {
  it('resolves relative phrases against the plan year', () => {
    expect(extractDeadlines('年底前，确保上线。', 2023)).toEqual([{ text: '年底前', date: '2023-12-31' }])
    expect(extractDeadlines('6月份前，赋予权限。', 2023)).toEqual([{ text: '6月份前', date: '2023-06-30' }])
    expect(extractDeadlines('2月底前完成。', 2024)).toEqual([{ text: '2月底前', date: '2024-02-29' }])
    expect(extractDeadlines('上半年完成评估，年内全覆盖。', 2023)).toEqual([{ text: '上半年', date: '2023-06-30' }, { text: '年内', date: '2023-12-31' }])
    expect(extractDeadlines('第二季度完成。', 2023)).toEqual([{ text: '第二季度', date: '2023-06-30' }])
  })

  it('keeps explicit years', () => {
    expect(extractDeadlines('2022年底前完成改造。', 2023)).toEqual([{ text: '2022年底前', date: '2022-12-31' }])
    expect(extractDeadlines('到2025年底，基本建成。', 2023)).toEqual([{ text: '2025年底', date: '2025-12-31' }])
    expect(extractDeadlines('2023年9月30日前上线。', null)).toEqual([{ text: '2023年9月30日前', date: '2023-09-30' }])
  })

  it('does not read recurring or descriptive phrases as deadlines', () => {
    expect(extractDeadlines('每季度公开曝光一批典型案例，每年组织培训。', 2023)).toEqual([])
    expect(extractDeadlines('第二季度开始，突出首倡地宣传。', 2023)).toEqual([])
    expect(extractDeadlines('2023年度政府信息公开工作报告', 2023)).toEqual([])
  })

  it('reads the other phrases of the family: month ends without 前, ten-day parts, dates the work is due on', () => {
    expect(extractDeadlines('6月底完成清理，9月末前复查。', 2026)).toEqual([{ text: '6月底', date: '2026-06-30' }, { text: '9月末前', date: '2026-09-30' }])
    expect(extractDeadlines('2024年6月底前完成。', 2023)).toEqual([{ text: '2024年6月底前', date: '2024-06-30' }])
    expect(extractDeadlines('三季度末前完成专项检查。', 2026)).toEqual([{ text: '三季度末前', date: '2026-09-30' }])
    expect(extractDeadlines('11月中旬前报送，12月上旬完成。', 2026)).toEqual([{ text: '11月中旬前', date: '2026-11-20' }, { text: '12月上旬', date: '2026-12-10' }])
    expect(extractDeadlines('于2026年6月30日完成验收。', null)).toEqual([{ text: '2026年6月30日', date: '2026-06-30' }])
    expect(extractDeadlines('持续推进，长期坚持，每月报送进度，每季度末通报。', 2026)).toEqual([])
  })

  it('needs a plan year for relative phrases', () => {
    expect(extractDeadlines('年底前完成。', null)).toEqual([])
  })
})

describe('extractTargets', () => {
  it('reads numbers with units and magnitudes', () => {
    expect(extractTargets('年底前，确保“湘易办”上线服务事项10000项，用户数突破3000万。')).toEqual([
      { text: '上线服务事项10000项', value: 10000, unit: '项' },
      { text: '用户数突破3000万', value: 3000, unit: '万' },
    ])
    expect(extractTargets('好评率达到99.5%以上')).toEqual([{ text: '好评率达到99.5%以上', value: 99.5, unit: '%' }])
  })

  it('ignores years, dates, document numbers, ordinals and hotlines', () => {
    expect(extractTargets('2023年3月6日印发湘政办发〔2023〕11号，第3批，拨打“12345”热线')).toEqual([])
  })
})
