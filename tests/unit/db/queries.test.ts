import { beforeEach, describe, expect, it } from 'vitest'
import { addCheckin, setFavorite } from '~/db/actions'
import { db } from '~/db/db'
import { replacePlanData } from '~/db/plan-data-loader'
import { countDueSoon, countUnsynced, getCheckinHistory, getDueSoon, getDueSoonIds, getDueSoonSummary, getFavoriteIds, getFavoritePoints, getLatestCheckins, getPlanPoints, getPointsByIds, getThemePoints, listPlans, listThemesWithCounts } from '~/db/queries'
import { makePlan, makePoint, resetDb, samplePlanData } from './fixtures'

beforeEach(async () => {
  await resetDb()
  await replacePlanData(samplePlanData())
})

describe('plan and theme queries', () => {
  it('lists plans province first, then newest year', async () => {
    const data = samplePlanData()
    data.plans.push(makePlan('hunan-2022-zwfw', { title: '湖南省2022年政务管理服务工作要点', year: 2022 }))
    await replacePlanData(data)
    expect((await listPlans()).map(p => p.id)).toEqual(['hunan-2023-zwfw', 'hunan-2022-zwfw', 'changsha-2023-zwgk'])
    expect((await listPlans())[0]!.sections).toEqual([
      // Each point's earliest deadline beside its id: 进度看板 counts from these rows alone.
      { no: 1, title: '提升政务服务效能', pointIds: ['hunan-2023-zwfw-1', 'hunan-2023-zwfw-2'], deadlines: ['2023-06-30', null] },
      { no: 2, title: '推进数据共享', pointIds: ['hunan-2023-zwfw-3', 'hunan-2023-zwfw-4'], deadlines: ['2023-06-30', null] },
    ])
  })

  it('counts points per theme in taxonomy order', async () => {
    expect((await listThemesWithCounts()).map(t => [t.theme.id, t.count])).toEqual([['yjs', 2], ['zwgk', 3], ['rx', 1]])
  })

  it('reads a plan, a section, a theme and ids in the right order', async () => {
    expect((await getPlanPoints('hunan-2023-zwfw')).map(p => p.no)).toEqual([1, 2, 3, 4])
    expect((await getPlanPoints('hunan-2023-zwfw', 2)).map(p => p.id)).toEqual(['hunan-2023-zwfw-3', 'hunan-2023-zwfw-4'])
    expect((await getThemePoints('zwgk')).map(p => p.id)).toEqual(['hunan-2023-zwfw-3', 'hunan-2023-zwfw-4', 'changsha-2023-zwgk-1'])
    expect((await getPointsByIds(['hunan-2023-zwfw-4', 'gone', 'changsha-2023-zwgk-1'])).map(p => p.id)).toEqual(['hunan-2023-zwfw-4', 'changsha-2023-zwgk-1'])
  })
})

describe('favorites', () => {
  it('sorts by deadline (none last) or by when they were added', async () => {
    await setFavorite('hunan-2023-zwfw-1', true, new Date('2026-01-01T00:00:00Z')) // due 2023-06-30
    await setFavorite('hunan-2023-zwfw-4', true, new Date('2026-01-02T00:00:00Z')) // no deadline
    await setFavorite('changsha-2023-zwgk-1', true, new Date('2026-01-03T00:00:00Z')) // due 2023-12-31
    await setFavorite('hunan-2023-zwfw-2', true, new Date('2026-01-04T00:00:00Z'))
    await setFavorite('hunan-2023-zwfw-2', false, new Date('2026-01-05T00:00:00Z'))
    expect((await getFavoritePoints('deadline')).map(p => p.id)).toEqual(['hunan-2023-zwfw-1', 'changsha-2023-zwgk-1', 'hunan-2023-zwfw-4'])
    expect((await getFavoritePoints('added')).map(p => p.id)).toEqual(['changsha-2023-zwgk-1', 'hunan-2023-zwfw-4', 'hunan-2023-zwfw-1'])
    expect([...await getFavoriteIds()].sort()).toEqual(['changsha-2023-zwgk-1', 'hunan-2023-zwfw-1', 'hunan-2023-zwfw-4'])
  })
})

describe('check-ins', () => {
  it('keeps a history per point, newest first, and knows each point\'s latest', async () => {
    const t = (h: number) => new Date(Date.UTC(2026, 10, 21, h))
    const a = await addCheckin({ pointId: 'hunan-2023-zwfw-1', status: 'not_started', progress: 0, note: '' }, t(1))
    const b = await addCheckin({ pointId: 'hunan-2023-zwfw-1', status: 'in_progress', progress: 50, note: '过半' }, t(3))
    const c = await addCheckin({ pointId: 'hunan-2023-zwfw-2', status: 'done', progress: 100, note: '' }, t(2))
    expect((await getCheckinHistory('hunan-2023-zwfw-1')).map(x => x.id)).toEqual([b.id, a.id])
    expect(await getCheckinHistory('hunan-2023-zwfw-3')).toEqual([])
    const latest = await getLatestCheckins()
    expect([...latest].map(([k, v]) => [k, v.id])).toEqual([['hunan-2023-zwfw-1', b.id], ['hunan-2023-zwfw-2', c.id]])
    expect(await countUnsynced()).toBe(3)
    await db.outbox.limit(1).modify({ state: 'rejected' })
    expect(await countUnsynced()).toBe(2)
  })
})

describe('getDueSoon', () => {
  it('lists overdue and due-within-30-days points, overdue first, leaving out done ones', async () => {
    const data = samplePlanData()
    data.plans.push(makePlan('d-2026-x', { sections: [{ no: 1, title: '时限', points: [
      makePoint('d-2026-x-1', { deadlines: [{ text: '本月底', date: '2026-11-30' }] }),
      makePoint('d-2026-x-2', { deadlines: [{ text: '今天', date: '2026-11-21' }] }),
      makePoint('d-2026-x-3', { deadlines: [{ text: '下月', date: '2026-12-21' }] }), // 30 days: included
      makePoint('d-2026-x-4', { deadlines: [{ text: '年底前', date: '2026-12-31' }] }), // 40 days: not yet
      makePoint('d-2026-x-5', { deadlines: [{ text: '上月', date: '2026-10-01' }] }),
    ] }] }))
    await replacePlanData(data)
    await addCheckin({ pointId: 'hunan-2023-zwfw-3', status: 'done', progress: 100, note: '' })
    await addCheckin({ pointId: 'd-2026-x-5', status: 'done', progress: 100, note: '' })
    await addCheckin({ pointId: 'd-2026-x-5', status: 'blocked', progress: 80, note: '返工' }, new Date(Date.now() + 1000))

    const today = new Date(2026, 10, 21, 15, 0)
    const items = await getDueSoon(30, today)
    expect(items.map(i => [i.point.id, i.status.label])).toEqual([
      ['hunan-2023-zwfw-1', '已逾期 1240 天'],
      ['changsha-2023-zwgk-1', '已逾期 1056 天'],
      ['d-2026-x-5', '已逾期 51 天'],
      ['d-2026-x-2', '今天截止'],
      ['d-2026-x-1', '剩 9 天'],
      ['d-2026-x-3', '剩 30 天'],
    ])
    expect((await getDueSoon(30, today, 2)).map(i => i.point.id)).toEqual(['hunan-2023-zwfw-1', 'changsha-2023-zwgk-1'])
    // The 临近截止 deck and count read the same points from the deadline index alone.
    expect(await getDueSoonIds(30, today)).toEqual(items.map(i => i.point.id))
    expect(await countDueSoon(30, today)).toBe(6)
  })
})

describe('getDueSoonSummary and plan currency', () => {
  it('leaves out 往年 plans (a newer plan of the series exists) and counts the overdue', async () => {
    const data = samplePlanData()
    data.plans.push(makePlan('hunan-2022-zwfw', { year: 2022, sections: [{ no: 1, title: '旧', points: [
      makePoint('hunan-2022-zwfw-1', { deadlines: [{ text: '年底前', date: '2022-12-31' }] }),
    ] }] }))
    await replacePlanData(data)
    const summary = await getDueSoonSummary(undefined, new Date(2026, 11, 1), 2)
    expect(summary.total).toBe(3)
    expect(summary.overdue).toBe(3)
    expect(summary.items.map(i => i.point.id)).toEqual(['hunan-2023-zwfw-1', 'hunan-2023-zwfw-3'])
    expect(await getDueSoonIds(undefined, new Date(2026, 11, 1))).not.toContain('hunan-2022-zwfw-1')
    // In 2022 the 2022 plan is the present year's: it counts.
    expect(await getDueSoonIds(undefined, new Date(2022, 11, 1))).toContain('hunan-2022-zwfw-1')
  })
})
