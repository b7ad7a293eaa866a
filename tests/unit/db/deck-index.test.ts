import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '~/db/db'
import { themeDeckKey } from '~/db/deck-index'
import { replacePlanData } from '~/db/plan-data-loader'
import { getDeckIds, getThemePoints, listThemesWithCounts } from '~/db/queries'
import { makePlan, makePoint, resetDb, samplePlanData } from './fixtures'

beforeEach(async () => {
  await resetDb()
  await replacePlanData(samplePlanData())
})

describe('deck ids', () => {
  it('stores each theme deck in reading order with the plan data', async () => {
    const stored = await db.deckIndex.get(themeDeckKey('zwgk'))
    expect(stored?.ids).toEqual((await getThemePoints('zwgk')).map(p => p.id))
    expect(await getDeckIds({ kind: 'theme', id: 'zwgk' })).toEqual(['hunan-2023-zwfw-3', 'hunan-2023-zwfw-4', 'changsha-2023-zwgk-1'])
  })

  it('replaces theme decks with new plan data, in the same transaction', async () => {
    const data = samplePlanData()
    data.plans.push(makePlan('hunan-2024-zwfw', { title: '湖南省2024年政务管理服务工作要点', year: 2024, sections: [{ no: 1, title: '一', points: [makePoint('hunan-2024-zwfw-1', { themes: ['yjs'] })] }] }))
    await replacePlanData(data)
    const ids = await getDeckIds({ kind: 'theme', id: 'yjs' })
    expect(ids[0]!.startsWith('hunan-2024-zwfw')).toBe(true) // newest year first
    expect(ids).toEqual((await getThemePoints('yjs')).map(p => p.id))
  })

  it('stores theme counts with the plan data, and counts on the index for data stored without them', async () => {
    expect((await listThemesWithCounts()).map(t => [t.theme.id, t.count])).toEqual([['yjs', 2], ['zwgk', 3], ['rx', 1]])
    expect((await db.themes.get('zwgk'))?.count).toBe(3)
    await db.themes.toCollection().modify((t) => {
      delete t.count
    })
    expect((await listThemesWithCounts()).map(t => [t.theme.id, t.count])).toEqual([['yjs', 2], ['zwgk', 3], ['rx', 1]])
  })

  it('falls back to the points when data was stored before deck indexes existed', async () => {
    await db.deckIndex.clear()
    expect(await getDeckIds({ kind: 'theme', id: 'zwgk' })).toEqual(['hunan-2023-zwfw-3', 'hunan-2023-zwfw-4', 'changsha-2023-zwgk-1'])
  })

  it('reads plan and section decks from the plan row, favorites and ids as given', async () => {
    expect(await getDeckIds({ kind: 'plan', id: 'hunan-2023-zwfw' })).toEqual(['hunan-2023-zwfw-1', 'hunan-2023-zwfw-2', 'hunan-2023-zwfw-3', 'hunan-2023-zwfw-4'])
    expect(await getDeckIds({ kind: 'plan', id: 'hunan-2023-zwfw', sectionNo: 2 })).toEqual(['hunan-2023-zwfw-3', 'hunan-2023-zwfw-4'])
    expect(await getDeckIds({ kind: 'plan', id: 'no-such-plan' })).toEqual([])
    expect(await getDeckIds({ kind: 'ids', ids: ['b', 'a'] })).toEqual(['b', 'a'])
    expect(await getDeckIds({ kind: 'favorites' })).toEqual([])
  })
})
