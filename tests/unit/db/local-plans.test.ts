import type { Plan } from '~/domain/plan'
import { beforeEach, describe, expect, it } from 'vitest'
import { addCheckin, setFavorite } from '~/db/actions'
import { db } from '~/db/db'
import { buildThemeDecks } from '~/db/deck-index'
import { importLocalPlans, markPlanPublished, removeLocalPlan, storedPlanOrigins } from '~/db/local-plans'
import { getPlanDataKey } from '~/db/plan-data-key'
import { replacePlanData } from '~/db/plan-data-loader'
import { getDueSoonIds, getFavoritePoints, getThemeDeckIds, listLocalPlans, listPlans, listThemesWithCounts } from '~/db/queries'
import { getStoredPlan } from '~/db/stored-plan'
import { loadSearchCorpus } from '~/search/search-docs'
import { buildSearchIndex } from '~/search/search-index'
import { makePlan, makePoint, resetDb, samplePlanData, THEMES } from './fixtures'

/** A county plan as the import reads it: three points, one with a deadline, themes yjs and zwgk. */
function countyPlan(overrides: Partial<Plan> = {}): Plan {
  return makePlan('moumou-2026-zwgk', {
    title: '某某县2026年政务公开工作要点',
    region: '某某县',
    level: 'county',
    year: 2026,
    sources: ['某某县.txt'],
    origin: 'local',
    sections: [{ no: 1, title: '深化政务公开', points: [
      makePoint('moumou-2026-zwgk-1', { title: '推进基层政务公开标准化', leadUnits: ['县政务局'], themes: ['zwgk'], deadlines: [{ text: '年底前', date: '2026-12-31' }] }),
      makePoint('moumou-2026-zwgk-2', { title: '深化县域一件事一次办', leadUnits: ['县数据局'], themes: ['yjs'] }),
      makePoint('moumou-2026-zwgk-3', { title: '完善政府信息公开目录', leadUnits: [], themes: ['zwgk'] }),
    ] }],
    ...overrides,
  })
}

const counts = async () => Object.fromEntries((await listThemesWithCounts()).map(t => [t.theme.id, t.count]))

beforeEach(async () => {
  await resetDb()
  await replacePlanData(samplePlanData('v1'))
})

describe('importLocalPlans', () => {
  it('stores a plan as 本机导入 that themes, decks, search, 临近截止 and the plan list see at once', async () => {
    const keyBefore = await getPlanDataKey()
    expect(await importLocalPlans({ plans: [countyPlan()], themes: THEMES })).toEqual({ added: ['moumou-2026-zwgk'], replaced: [], skipped: [] })

    expect((await db.plans.get('moumou-2026-zwgk'))?.origin).toBe('local')
    expect((await listLocalPlans()).map(p => p.id)).toEqual(['moumou-2026-zwgk'])
    expect((await listPlans()).map(p => p.id)).toEqual(['hunan-2023-zwfw', 'changsha-2023-zwgk', 'moumou-2026-zwgk'])
    expect(await counts()).toEqual({ yjs: 3, zwgk: 5, rx: 1 })
    // Decks keep reading order: province, city, then the county plan.
    expect(await getThemeDeckIds('zwgk')).toEqual(['hunan-2023-zwfw-3', 'hunan-2023-zwfw-4', 'changsha-2023-zwgk-1', 'moumou-2026-zwgk-1', 'moumou-2026-zwgk-3'])
    const all = samplePlanData('v1').plans.concat(countyPlan())
    expect(await db.deckIndex.toArray()).toEqual(expect.arrayContaining(buildThemeDecks(all)))
    expect(await getDueSoonIds(30, new Date('2026-12-15T00:00:00Z'))).toContain('moumou-2026-zwgk-1')

    // The search index key changes, and the new points are in the documents it is built from.
    expect(await getPlanDataKey()).not.toBe(keyBefore)
    const index = buildSearchIndex((await loadSearchCorpus(db)).docs)
    expect(index.query('县域一件事')).toEqual(['moumou-2026-zwgk-2'])
    expect(await db.unpublishedPoints.where('planId').equals('moumou-2026-zwgk').count()).toBe(3)
  })

  it('replaces a plan imported before by its id, keeping favorites and check-ins; dropped points stay held', async () => {
    await importLocalPlans({ plans: [countyPlan()], themes: THEMES })
    await setFavorite('moumou-2026-zwgk-2', true)
    const checkin = await addCheckin({ pointId: 'moumou-2026-zwgk-3', status: 'in_progress', progress: 30, note: '已部署' })

    const edition2 = countyPlan()
    edition2.sections[0]!.points = [
      makePoint('moumou-2026-zwgk-1', { title: '推进基层政务公开标准化（修订）', themes: ['zwgk'] }),
      makePoint('moumou-2026-zwgk-2', { title: '深化县域一件事一次办', themes: ['yjs'] }),
    ]
    expect(await importLocalPlans({ plans: [edition2], themes: THEMES })).toEqual({ added: [], replaced: ['moumou-2026-zwgk'], skipped: [] })

    expect((await db.points.get('moumou-2026-zwgk-1'))?.title).toBe('推进基层政务公开标准化（修订）')
    expect(await db.points.get('moumou-2026-zwgk-3')).toBeUndefined()
    expect(await counts()).toEqual({ yjs: 3, zwgk: 4, rx: 1 })
    expect((await getFavoritePoints()).map(p => p.id)).toEqual(['moumou-2026-zwgk-2'])
    expect(await db.checkins.get(checkin.id)).toBeDefined()
    expect(await db.outbox.count()).toBe(2)
    expect(await db.unpublishedPoints.get('moumou-2026-zwgk-3')).toEqual({ pointId: 'moumou-2026-zwgk-3', planId: 'moumou-2026-zwgk', removed: true })
    expect(await db.unpublishedPoints.get('moumou-2026-zwgk-1')).toEqual({ pointId: 'moumou-2026-zwgk-1', planId: 'moumou-2026-zwgk' })
  })

  it('leaves a plan the app has from the build alone', async () => {
    const copy = { ...samplePlanData('v1').plans[0]!, title: '长沙市2023年政务公开工作要点（本机）' }
    expect(await storedPlanOrigins([copy.id, 'nope'])).toEqual(new Map([[copy.id, 'build']]))
    expect(await importLocalPlans({ plans: [copy, countyPlan()], themes: THEMES })).toEqual({ added: ['moumou-2026-zwgk'], replaced: [], skipped: [copy.id] })
    expect((await db.plans.get(copy.id))?.title).toBe('长沙市2023年政务公开工作要点')
    expect(await db.unpublishedPoints.where('planId').equals(copy.id).count()).toBe(0)
  })

  it('gives a theme the store lacks a tile', async () => {
    const plan = countyPlan()
    plan.sections[0]!.points[0]!.themes = ['new-theme']
    await importLocalPlans({ plans: [plan], themes: [...THEMES, { id: 'new-theme', name: '新主题', icon: 'star-o', keywords: [] }] })
    const themes = await listThemesWithCounts()
    expect(themes.at(-1)).toMatchObject({ theme: { id: 'new-theme', order: 3 }, count: 1 })
  })
})

describe('removeLocalPlan', () => {
  it('removes the plan and its points everywhere, keeps its check-ins, favorites and outbox rows', async () => {
    await importLocalPlans({ plans: [countyPlan()], themes: THEMES })
    await setFavorite('moumou-2026-zwgk-1', true)
    await addCheckin({ pointId: 'moumou-2026-zwgk-1', status: 'done', progress: 100, note: '' })
    const key = await getPlanDataKey()

    expect(await removeLocalPlan('hunan-2023-zwfw')).toBe(false) // only plans imported here
    expect(await removeLocalPlan('moumou-2026-zwgk')).toBe(true)

    expect(await db.plans.get('moumou-2026-zwgk')).toBeUndefined()
    expect(await db.points.where('[planId+order]').between(['moumou-2026-zwgk', 0], ['moumou-2026-zwgk', 1e9]).count()).toBe(0)
    expect(await counts()).toEqual({ yjs: 2, zwgk: 3, rx: 1 })
    expect(await getThemeDeckIds('zwgk')).toEqual(['hunan-2023-zwfw-3', 'hunan-2023-zwfw-4', 'changsha-2023-zwgk-1'])
    expect(await getPlanDataKey()).not.toBe(key)
    expect(await db.checkins.count()).toBe(1)
    expect(await db.favoritesByOwner.count()).toBe(1)
    expect(await db.outbox.count()).toBe(2)
    expect((await db.unpublishedPoints.toArray()).every(r => r.removed)).toBe(true)
  })
})

describe('replacePlanData with local plans', () => {
  it('keeps plans imported here through a build or server replace, in themes and decks too', async () => {
    await importLocalPlans({ plans: [countyPlan()], themes: THEMES })
    await replacePlanData(samplePlanData('v2'), { source: 'server' })
    expect((await listLocalPlans()).map(p => p.id)).toEqual(['moumou-2026-zwgk'])
    expect(await db.points.get('moumou-2026-zwgk-2')).toMatchObject({ planId: 'moumou-2026-zwgk', title: '深化县域一件事一次办' })
    expect(await counts()).toEqual({ yjs: 3, zwgk: 5, rx: 1 })
    expect(await getThemeDeckIds('yjs')).toEqual(['hunan-2023-zwfw-1', 'hunan-2023-zwfw-3', 'moumou-2026-zwgk-2'])
    expect(await db.unpublishedPoints.count()).toBe(3)

    // A new build without this plan's themes keeps the tiles its points use.
    const v3 = samplePlanData('v3')
    v3.themes = [THEMES[2]!]
    await replacePlanData(v3)
    expect((await listThemesWithCounts()).map(t => t.theme.id)).toEqual(['rx', 'yjs', 'zwgk'])
  })

  it('lets the server\'s copy supersede a local plan of the same id, and frees its points', async () => {
    await importLocalPlans({ plans: [countyPlan()], themes: THEMES })
    const published = { ...countyPlan(), origin: 'server' as const }
    const data = samplePlanData('v2')
    data.plans.push(published)
    await replacePlanData(data, { source: 'server' })
    expect((await db.plans.get('moumou-2026-zwgk'))?.origin).toBe('server')
    expect(await db.unpublishedPoints.count()).toBe(0)
    expect(await listLocalPlans()).toEqual([])
  })

  it('keeps a plan this device published when the build\'s data comes in, but not when the server\'s does', async () => {
    await importLocalPlans({ plans: [countyPlan()], themes: THEMES })
    await markPlanPublished('moumou-2026-zwgk')
    expect((await db.plans.get('moumou-2026-zwgk'))?.origin).toBe('server')
    expect(await db.unpublishedPoints.count()).toBe(0)

    await replacePlanData(samplePlanData('v2'))
    expect(await db.plans.get('moumou-2026-zwgk')).toBeDefined()
    await replacePlanData(samplePlanData('v3'), { source: 'server' })
    expect(await db.plans.get('moumou-2026-zwgk')).toBeUndefined()
  })
})

describe('getStoredPlan', () => {
  it('gives a stored plan back as the plan contract has it', async () => {
    await importLocalPlans({ plans: [countyPlan()], themes: THEMES })
    expect(await getStoredPlan('moumou-2026-zwgk')).toEqual(countyPlan())
  })
})
