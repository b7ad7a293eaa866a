import { describe, expect, it } from 'vitest'
import { toPlanRow } from '~/db/plans'
import { markPastPlans, summarizePlan } from '~/domain/plan-summary'

function plan(id: string, year: number, points: number[]) {
  return {
    id,
    title: `${id} 工作要点`,
    level: 'province' as const,
    year,
    region: '湖南省',
    origin: 'build' as const,
    series: 'hunan-zwgk',
    sections: points.map((n, i) => ({ no: i + 1, title: `第${i + 1}部分`, points: Array.from({ length: n }, (_, j) => ({ id: `${id}-${i}-${j}`, deadlines: [] })) })),
  }
}

describe('plan summaries', () => {
  it('count the same from the plan data and from a stored plan row', () => {
    const p = plan('hunan-2024-zwgk', 2024, [3, 0, 2])
    const expected = { id: p.id, title: p.title, level: 'province', year: 2024, region: '湖南省', origin: 'build', series: 'hunan-zwgk', sectionCount: 3, pointCount: 5 }
    expect(summarizePlan(p)).toEqual(expected)
    expect(summarizePlan(toPlanRow(p as unknown as Parameters<typeof toPlanRow>[0]))).toEqual(expected)
  })

  it('mark 往年 as the live plan list would', () => {
    const plans = [plan('hunan-2024-zwgk', 2024, [1]), plan('hunan-2023-zwgk', 2023, [1])].map(summarizePlan)
    expect(markPastPlans(plans, new Date(2024, 5, 1)).map(p => [p.id, p.past])).toEqual([['hunan-2024-zwgk', false], ['hunan-2023-zwgk', true]])
  })
})
