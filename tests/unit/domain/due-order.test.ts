import type { PlanForDue } from '~/domain/due-order'
import { describe, expect, it } from 'vitest'
import { orderDueIds, readingRanks } from '~/domain/due-order'
import { currentPlanIds } from '~/domain/plan-currency'

const plan = (id: string, level: PlanForDue['level'], year: number, ids: string[]) => ({ id, level, year, region: id.split('-')[0]!, sections: [{ pointIds: ids }] })

const plans = [
  plan('loudi-2023-zwgk', 'city', 2023, ['loudi-2023-zwgk-1', 'loudi-2023-zwgk-2']),
  plan('hunan-2022-zwgk', 'province', 2022, ['hunan-2022-zwgk-1', 'hunan-2022-zwgk-2']),
  plan('hunan-2023-zwgk', 'province', 2023, ['hunan-2023-zwgk-10', 'hunan-2023-zwgk-2']),
]
const groups = [
  { deadline: '2023-12-31', ids: ['hunan-2023-zwgk-10', 'hunan-2023-zwgk-2', 'loudi-2023-zwgk-1'] },
  { deadline: '2022-12-31', ids: ['hunan-2022-zwgk-1', 'hunan-2022-zwgk-2'] },
  { deadline: '2023-06-30', ids: ['loudi-2023-zwgk-2'] },
]

describe('due-soon order by plan currency', () => {
  it('in 2026 leaves out the 往年 (2022) plan and counts the overdue among the current plans', () => {
    const today = new Date(2026, 11, 1)
    const rank = readingRanks(plans, currentPlanIds(plans, today))
    const order = orderDueIds(groups, rank, new Set(), '2026-12-01')
    // Earliest deadline first; on the same date province before city, then the plan's reading order (10 before 2).
    expect(order).toEqual({ ids: ['loudi-2023-zwgk-2', 'hunan-2023-zwgk-10', 'hunan-2023-zwgk-2', 'loudi-2023-zwgk-1'], overdue: 4 })
  })

  it('in May 2023 lists the 2023 points as not yet due and leaves out done ones', () => {
    const rank = readingRanks(plans, currentPlanIds(plans, new Date(2023, 4, 1)))
    const order = orderDueIds(groups, rank, new Set(['hunan-2023-zwgk-2']), '2023-05-01')
    expect(order).toEqual({ ids: ['loudi-2023-zwgk-2', 'hunan-2023-zwgk-10', 'loudi-2023-zwgk-1'], overdue: 0 })
  })

  it('keeps the 2022 plan in 2022, when it is the present year', () => {
    const only2022 = [plans[1]!]
    const rank = readingRanks(only2022, currentPlanIds(only2022, new Date(2022, 11, 1)))
    expect(orderDueIds(groups, rank, new Set(), '2022-12-01')).toEqual({ ids: ['hunan-2022-zwgk-1', 'hunan-2022-zwgk-2'], overdue: 0 })
  })
})
