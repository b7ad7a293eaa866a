import { beforeEach, describe, expect, it } from 'vitest'
import { addCheckin } from '~/db/actions'
import { getListPoints, getUnitDirectory, READ_CHUNK } from '~/db/list-rows'
import { replacePlanData } from '~/db/plan-data-loader'
import { getDeckIds } from '~/db/queries'
import { makePlan, makePoint, resetDb, samplePlanData } from './fixtures'

beforeEach(async () => {
  await resetDb()
  const data = samplePlanData()
  data.plans.push(makePlan('changsha-2022-zwgk', {
    title: '长沙市2022年政务公开工作要点',
    region: '长沙市',
    level: 'city',
    year: 2022,
    series: 'changsha-zwgk',
    sections: [{ no: 1, title: '公开', points: [makePoint('changsha-2022-zwgk-1', { leadUnits: ['市数据资源局'], partnerUnits: ['市直相关单位'] })] }],
  }))
  await replacePlanData(data)
})

describe('我的单位 decks', () => {
  it('gathers the points naming the unit in reading order, with its region', async () => {
    expect(await getDeckIds({ kind: 'unit', unit: '湖南省政务局' })).toEqual(['hunan-2023-zwfw-1', 'hunan-2023-zwfw-3', 'hunan-2023-zwfw-4'])
    expect(await getDeckIds({ kind: 'unit', unit: '长沙市政务公开办' })).toEqual(['changsha-2023-zwgk-1'])
    expect(await getDeckIds({ kind: 'unit', unit: '政务公开办' })).toEqual([])
  })

  it('keeps 市直相关单位 matches for the 泛指 filter', async () => {
    expect(await getDeckIds({ kind: 'unit', unit: '长沙市政务公开办' })).not.toContain('changsha-2022-zwgk-1')
    expect(await getDeckIds({ kind: 'filtered', base: { kind: 'unit', unit: '长沙市政务公开办' }, filter: { role: 'collective' } })).toEqual(['changsha-2022-zwgk-1'])
    const points = await getListPoints({ kind: 'unit', unit: '长沙市数据资源局' }, undefined)
    expect(points?.map(p => [p.id, p.role, p.leads])).toEqual([['changsha-2022-zwgk-1', 'lead', ['长沙市数据资源局']]])
  })

  it('lists the units named on the points, most often first, collective phrases left out', async () => {
    const units = await getUnitDirectory()
    expect(units[0]).toEqual({ unit: '湖南省政务局', count: 3 })
    expect(units.map(u => u.unit)).toContain('长沙市数据资源局')
    expect(units.some(u => u.unit.includes('相关'))).toBe(false)
  })
})

describe('filtered decks', () => {
  it('narrow their base deck in its order', async () => {
    expect(await getDeckIds({ kind: 'filtered', base: { kind: 'theme', id: 'zwgk' }, filter: { level: 'city' } })).toEqual(['changsha-2023-zwgk-1', 'changsha-2022-zwgk-1'])
    expect(await getDeckIds({ kind: 'filtered', base: { kind: 'theme', id: 'zwgk' }, filter: { level: 'city', year: 'current' } })).toEqual(['changsha-2023-zwgk-1'])
    expect(await getDeckIds({ kind: 'filtered', base: { kind: 'plan', id: 'hunan-2023-zwfw' }, filter: { lead: '湖南省政务局' } })).toEqual(['hunan-2023-zwfw-1', 'hunan-2023-zwfw-3', 'hunan-2023-zwfw-4'])
    expect(await getDeckIds({ kind: 'filtered', base: { kind: 'ids', ids: ['changsha-2022-zwgk-1', 'changsha-2023-zwgk-1'] }, filter: { year: 'past' } })).toEqual(['changsha-2022-zwgk-1'])
  })

  it('follow the current owner\'s latest check-in', async () => {
    await addCheckin({ pointId: 'hunan-2023-zwfw-3', status: 'in_progress', progress: 40, note: '' }, new Date('2023-05-01T00:00:00Z'))
    await addCheckin({ pointId: 'hunan-2023-zwfw-3', status: 'done', progress: 100, note: '' }, new Date('2023-05-02T00:00:00Z'))
    const plan = { kind: 'plan' as const, id: 'hunan-2023-zwfw' }
    expect(await getDeckIds({ kind: 'filtered', base: plan, filter: { status: 'done' } })).toEqual(['hunan-2023-zwfw-3'])
    expect(await getDeckIds({ kind: 'filtered', base: plan, filter: { status: 'none' } })).toEqual(['hunan-2023-zwfw-1', 'hunan-2023-zwfw-2', 'hunan-2023-zwfw-4'])
    expect(await getDeckIds({ kind: 'filtered', base: plan, filter: { status: 'in_progress' } })).toEqual([])
  })
})

describe('long lists', () => {
  const COUNT = READ_CHUNK * 2 + 7
  beforeEach(async () => {
    const data = samplePlanData()
    // Ids that sort in another order than the plan's reading order: chunks must not reorder the deck.
    const points = Array.from({ length: COUNT }, (_, i) => makePoint(`big-2023-${String(COUNT - i).padStart(5, '0')}`, { no: i + 1, leadUnits: [i % 3 === 0 ? '湖南省长列表局' : '湖南省财政厅'] }))
    data.plans.push(makePlan('big-2023', { sections: [{ no: 1, title: '全部', points }] }))
    await replacePlanData(data)
  })

  it('read every point across several requests, in the deck\'s order', async () => {
    const ids = await getDeckIds({ kind: 'plan', id: 'big-2023' })
    expect(ids).toHaveLength(COUNT)
    const points = await getListPoints({ kind: 'plan', id: 'big-2023' }, ids)
    expect(points?.map(p => p.id)).toEqual(ids)
    const unit = await getListPoints({ kind: 'unit', unit: '湖南省长列表局' }, undefined)
    // The sample plans' 泛指 phrases (省直各单位) may name it too; this plan's points are the ones that do by name.
    expect(unit?.filter(p => p.planId === 'big-2023').map(p => p.id)).toEqual(ids.filter((_, i) => i % 3 === 0))
  })

  it('stop when the list is left', async () => {
    const ids = await getDeckIds({ kind: 'plan', id: 'big-2023' })
    const controller = new AbortController()
    const pending = getListPoints({ kind: 'plan', id: 'big-2023' }, ids, controller.signal)
    const unit = getListPoints({ kind: 'unit', unit: '湖南省长列表局' }, undefined, controller.signal)
    controller.abort()
    expect(await pending).toBeUndefined()
    expect(await unit).toBeUndefined()
  })
})
