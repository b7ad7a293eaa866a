import { describe, expect, it } from 'vitest'
import { currentPlanIds, isPastPlan, seriesOf } from '../../../src/domain/plan-currency'

const plan = (id: string, year: number | null, series?: string) => ({ id, year, region: '湖南省', series })

describe('plan currency', () => {
  const plans = [
    plan('hunan-2022-zwgk', 2022, 'hunan-zwgk'),
    plan('hunan-2023-zwgk', 2023, 'hunan-zwgk'),
    plan('changsha-2022-zwgk', 2022, 'changsha-zwgk'),
    plan('hunan-nd-sz', null, 'hunan-sz'),
  ]

  it('keeps the newest year of each series current, and older years as 往年', () => {
    const current = currentPlanIds(plans, new Date(2026, 11, 1))
    expect([...current].sort()).toEqual(['changsha-2022-zwgk', 'hunan-2023-zwgk', 'hunan-nd-sz'])
    expect(isPastPlan(plans[0]!, plans, new Date(2026, 11, 1))).toBe(true)
  })

  it('keeps a plan of the present year current even when a later one exists', () => {
    const current = currentPlanIds(plans, new Date(2022, 4, 1))
    expect(current.has('hunan-2022-zwgk')).toBe(true)
    expect(current.has('hunan-2023-zwgk')).toBe(true)
  })

  it('reads the series from the id when the data has none', () => {
    expect(seriesOf({ id: 'hunan-2023-zwgk', year: 2023, region: '湖南省' })).toBe('hunan-zwgk')
    const old = [{ id: 'hunan-2022-zwgk', year: 2022, region: '湖南省' }, { id: 'hunan-2023-zwgk', year: 2023, region: '湖南省' }]
    expect([...currentPlanIds(old, new Date(2026, 0, 1))]).toEqual(['hunan-2023-zwgk'])
  })
})
