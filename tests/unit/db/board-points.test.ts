import type { PlanRow } from '~/db/plans'
import { describe, expect, it } from 'vitest'
import { boardPointsFromPlans } from '~/db/board-points'
import { toPlanRow } from '~/db/plans'
import { toPointRows } from '~/db/points'
import { samplePlanData } from './fixtures'

const data = samplePlanData()
const planRows = data.plans.map(toPlanRow)
const pointRows = data.plans.flatMap(toPointRows)
const allIds = pointRows.map(p => p.id)

describe('boardPointsFromPlans', () => {
  it('gives every point its section or plan and its earliest deadline, as reading the points would', () => {
    const current = new Set(['hunan-2023-zwfw'])
    const bySection = boardPointsFromPlans(allIds, planRows, false, current)
    expect(bySection).toEqual(pointRows.map(p => ({ id: p.id, sectionNo: p.sectionNo, sectionTitle: p.sectionTitle, deadline: p.deadline, current: current.has(p.planId) })))
    expect(bySection!.find(p => p.id === 'hunan-2023-zwfw-1')!.deadline).toBe('2023-06-30')

    // Across plans: numbered by first appearance, titled by plan.
    const byPlan = boardPointsFromPlans(['hunan-2023-zwfw-2', 'changsha-2023-zwgk-1', 'hunan-2023-zwfw-1'], planRows, true, current)!
    expect(byPlan.map(p => [p.sectionNo, p.sectionTitle])).toEqual([
      [0, '湖南省2023年政务管理服务工作要点'],
      [1, '长沙市2023年政务公开工作要点'],
      [0, '湖南省2023年政务管理服务工作要点'],
    ])
  })

  it('gives up (so the caller reads the points) for an unknown point or a plan row stored before deadlines were kept', () => {
    expect(boardPointsFromPlans(['nowhere-1'], planRows, true, new Set())).toBeUndefined()
    const old: PlanRow[] = planRows.map(p => ({ ...p, sections: p.sections.map(({ deadlines: _d, ...s }) => s) }))
    expect(boardPointsFromPlans(allIds, old, false, new Set())).toBeUndefined()
    expect(boardPointsFromPlans([], old, false, new Set())).toEqual([])
  })
})
