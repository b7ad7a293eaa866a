import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '~/db/db'
import { buildThemeDecks, spliceThemeDecks, themeDeckKey } from '~/db/deck-index'
import { replacePlanData } from '~/db/plan-data-loader'
import { toPlanRow } from '~/db/plans'
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

describe('spliceThemeDecks', () => {
  const levels = ['province', 'city', 'county'] as const
  /** A plan of `n` points with themes picked by `seed`, so plans interleave in every deck. */
  function planOf(i: number, n: number, seed: number) {
    const id = `p${i}`
    return makePlan(id, {
      title: `计划${i}`,
      level: levels[(i + seed) % 3],
      year: 2022 + ((i * seed) % 3),
      sections: [{ no: 1, title: '一', points: Array.from({ length: n }, (_, k) => makePoint(`${id}-${k + 1}`, { themes: ['a', 'b', 'c'].filter((_, t) => (i + k + t + seed) % 2 === 0) })) }],
    })
  }

  it('gives the decks buildThemeDecks would build, for plans added, replaced and removed', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const before = Array.from({ length: 6 }, (_, i) => planOf(i, 2 + ((i + seed) % 3), seed))
      const replacement = planOf(2, 4, seed + 1)
      const added = planOf(9, 3, seed)
      const after = [...before.filter(p => p.id !== 'p2' && p.id !== 'p4'), replacement, added]
      const spliced = spliceThemeDecks(buildThemeDecks(before), after.map(toPlanRow), new Set(['p2', 'p4', 'p9']), [replacement, added])
      const sortDecks = (decks: { key: string, ids: string[] }[]) => decks.filter(d => d.ids.length > 0).sort((x, y) => x.key.localeCompare(y.key))
      expect(sortDecks(spliced)).toEqual(sortDecks(buildThemeDecks(after)))
    }
  })
})
