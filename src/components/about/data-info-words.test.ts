import { describe, expect, it } from 'vitest'
import { describeDataInfo } from './data-info-words'

describe('describeDataInfo', () => {
  it('tells the date, the counts and the source instead of a hash', () => {
    const rows = describeDataInfo({ plans: 9, points: 172, localPlans: 1, newestIssuedOn: '2023-05-12', newestYear: 2023, updatedAt: new Date(2026, 0, 3, 10).toISOString(), source: 'build' })
    expect(rows.map(r => [r.label, r.value])).toEqual([
      ['数据日期', '2023年5月12日（最新文件印发）'],
      ['工作要点', '9 个计划 · 172 条要点，其中本机导入 1 个'],
      ['本机更新', '2026年1月3日 · 随应用提供'],
    ])
  })
  it('falls back to the year, and says when nothing is loaded', () => {
    expect(describeDataInfo({ plans: 2, points: 5, localPlans: 0, newestYear: 2024, source: 'server' })[0]!.value).toBe('2024 年度')
    expect(describeDataInfo(undefined)).toEqual([{ key: 'content', label: '工作要点', value: '尚未载入' }])
  })
})
