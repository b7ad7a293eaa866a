import type { CheckinRow } from '~/db/checkins'
import type { LedgerSource } from '~/export/ledger-rows'
import { toPlanRow } from '~/db/plans'
import { comparePointsByPlan, toPointRows } from '~/db/points'
import { makePlan, makePoint, samplePlanData, THEMES } from '../db/fixtures'

/** The fixed day the ledger fixtures are exported on (local time). */
export const TODAY = new Date(2026, 11, 1, 10, 0)

export function checkin(pointId: string, over: Partial<CheckinRow> = {}): CheckinRow {
  return {
    id: `01900000-0000-7000-8000-${pointId.slice(-1).padStart(12, '0')}`,
    pointId,
    status: 'in_progress',
    progress: 60,
    note: '',
    createdAt: new Date(2026, 10, 21, 9, 5).toISOString(),
    deviceId: 'd',
    owner: '张三',
    syncState: 'synced',
    ...over,
  }
}

/**
 * Three plans (湖南省 2023 and its 往年 2022, 长沙市 2023), six points, hand-counted: 全部 6, 我的单位 (湖南省政务局) 4,
 * 收藏 2, 湖南省2023 plan 4, theme 一件事一次办 2, 现行 5, 往年 1.
 */
export function ledgerFixture(): LedgerSource {
  const data = samplePlanData()
  data.plans.push(makePlan('hunan-2022-zwfw', {
    title: '湖南省2022年政务管理服务工作要点',
    year: 2022,
    sections: [{ no: 3, title: '往年任务', points: [makePoint('hunan-2022-zwfw-1', { title: '旧年任务', leadUnits: ['省政务局'] })] }],
  }))
  const points = data.plans.flatMap(toPointRows).sort(comparePointsByPlan)
  const p1 = checkin('hunan-2023-zwfw-1', { note: '已完成"摸底", 待验收\n下周上报：市州全覆盖' })
  const p3 = checkin('hunan-2023-zwfw-3', { status: 'done', progress: 100, note: '=HYPERLINK("x")', createdAt: new Date(2026, 10, 30, 17, 45).toISOString() })
  return {
    points,
    latest: new Map([[p1.pointId, p1], [p3.pointId, p3]]),
    plans: data.plans.map(toPlanRow),
    themes: THEMES,
    favorites: new Set(['hunan-2023-zwfw-2', 'changsha-2023-zwgk-1']),
    photoCounts: new Map([[p1.id, 3]]),
  }
}
