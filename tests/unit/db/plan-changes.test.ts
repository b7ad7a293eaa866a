import { beforeEach, describe, expect, it } from 'vitest'
import { addCheckin, setFavorite } from '~/db/actions'
import { buildBoardIndex } from '~/db/board-index'
import { db } from '~/db/db'
import { buildThemeDecks } from '~/db/deck-index'
import { importLocalPlans } from '~/db/local-plans'
import { applyPlanChanges } from '~/db/plan-changes'
import { replacePlanData } from '~/db/plan-data-loader'
import { getStoredVersions, stampVersions } from '~/db/plan-versions'
import { getStoredPlan } from '~/db/stored-plan'
import { makePlan, makePoint, resetDb, samplePlanData, THEMES } from './fixtures'

// Plans the server's manifest no longer lists leave the device as a whole replace would drop them; imports stay.

beforeEach(resetDb)

const local = makePlan('local-1', { level: 'county', origin: 'local', sections: [{ no: 1, title: '一', points: [makePoint('local-1-1', { themes: ['rx'] })] }] })

async function allStoredPlans() {
  const ids = (await db.plans.toArray()).map(p => p.id)
  return Promise.all(ids.map(async id => (await getStoredPlan(id))!))
}

describe('applyPlanChanges', () => {
  it('removes plans the manifest dropped, keeps local imports, user rows and consistent derived tables', async () => {
    await replacePlanData(samplePlanData(), { source: 'server' })
    await importLocalPlans({ plans: [local], themes: THEMES })
    await addCheckin({ pointId: 'changsha-2023-zwgk-1', status: 'done', progress: 100, note: '已完成' })
    await setFavorite('changsha-2023-zwgk-1', true)
    await setFavorite('local-1-1', true)
    const outbox = await db.outbox.toArray()

    const manifest = { dataVersion: 'v2', themesVersion: 't1', plans: [{ id: 'hunan-2023-zwfw', version: 'h1' }] }
    const result = await applyPlanChanges({ manifest, plans: [], versions: { 'hunan-2023-zwfw': 'h1' }, themesVersion: 't1' })
    expect(result).toEqual({ stored: [], removed: ['changsha-2023-zwgk'] })

    expect((await db.plans.toArray()).map(p => p.id).sort()).toEqual(['hunan-2023-zwfw', 'local-1'])
    expect(await db.points.get('changsha-2023-zwgk-1')).toBeUndefined()
    expect(await db.planPinyin.get('changsha-2023-zwgk')).toBeUndefined()
    // The check-in and favorite on the dropped point stay, as after a whole replace; so does the outbox.
    expect(await db.checkins.where('pointId').equals('changsha-2023-zwgk-1').count()).toBe(1)
    expect(await db.favoritesByOwner.count()).toBe(2)
    expect(await db.outbox.toArray()).toEqual(outbox)

    const plans = await allStoredPlans()
    expect(byKey(await db.deckIndex.toArray())).toEqual(byKey(buildThemeDecks(plans)))
    expect(byKey(await db.boardIndex.toArray())).toEqual(byKey(buildBoardIndex(plans)))
    const counts = Object.fromEntries((await db.themes.toArray()).map(t => [t.id, t.count]))
    expect(counts).toEqual({ yjs: 2, zwgk: 2, rx: 2 })
    expect(await getStoredVersions()).toEqual({ plans: { 'hunan-2023-zwfw': 'h1' }, themes: 't1' })
    expect((await db.meta.get('dataVersion'))?.value).toBe('v2')
  })

  it('a whole replace forgets the per-plan versions', async () => {
    await replacePlanData(samplePlanData(), { source: 'server' })
    await applyPlanChanges({ manifest: { dataVersion: 'v2', themesVersion: 't1', plans: [] }, plans: [], versions: {}, themesVersion: 't1' })
    await applyPlanChanges({ manifest: { dataVersion: 'v3', themesVersion: 't1', plans: [{ id: 'x', version: '1' }] }, plans: [makePlan('x')], versions: { x: '1' }, themesVersion: 't1' })
    expect((await getStoredVersions()).plans).toEqual({ x: '1' })
    await replacePlanData(samplePlanData('v9'))
    expect(await getStoredVersions()).toEqual({ plans: {}, themes: undefined })
  })

  it('keeps the versions a refresh recorded for the very data a whole replace then stores (first visit)', async () => {
    // The refresh found the build's data (v1) current and stamped its versions before the build's data was written.
    await stampVersions({ dataVersion: 'v1', themesVersion: 't1', plans: [{ id: 'changsha-2023-zwgk', version: 'c1' }] })
    await replacePlanData(samplePlanData('v1'))
    expect(await getStoredVersions()).toEqual({ plans: { 'changsha-2023-zwgk': 'c1' }, themes: 't1' })
    // Other data: the versions no longer describe it.
    await replacePlanData(samplePlanData('v2'))
    expect(await getStoredVersions()).toEqual({ plans: {}, themes: undefined })
  })
})

function byKey<T extends { key: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => a.key.localeCompare(b.key))
}
