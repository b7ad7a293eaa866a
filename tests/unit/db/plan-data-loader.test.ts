import type { PlanData } from '~/domain/plan'
import { beforeEach, describe, expect, it } from 'vitest'
import { addCheckin, setFavorite } from '~/db/actions'
import { db } from '~/db/db'
import { ensurePlanData, getStoredDataVersion, replacePlanData } from '~/db/plan-data-loader'
import { getFavoritePoints } from '~/db/queries'
import { fakeFetch, makePoint, resetDb, samplePlanData } from './fixtures'

const source = (version: string) => ({ version, url: `/data/plan-data.${version}.json` })

/** v2: point 4 removed, point 5 added, point 1 retitled. */
function planDataV2(): PlanData {
  const data = samplePlanData('v2')
  const hunan = data.plans[1]!
  hunan.sections[0]!.points[0]!.title = '深化一件事一次办改革（修订）'
  hunan.sections[1]!.points = [hunan.sections[1]!.points[0]!, makePoint('hunan-2023-zwfw-5', { title: '新增的要点' })]
  return data
}

beforeEach(resetDb)

describe('ensurePlanData', () => {
  it('loads the build data on first run and skips the download when the version is current', async () => {
    const fetch1 = fakeFetch(samplePlanData('v1'))
    expect(await ensurePlanData(fetch1, source('v1'))).toEqual({ version: 'v1', replaced: true })
    expect(fetch1.calls).toEqual(['/data/plan-data.v1.json'])
    expect(await db.points.count()).toBe(5)
    expect(await db.plans.count()).toBe(2)
    expect(await db.themes.count()).toBe(3)
    expect(await getStoredDataVersion()).toBe('v1')

    const fetch2 = fakeFetch(samplePlanData('v1'))
    expect(await ensurePlanData(fetch2, source('v1'))).toEqual({ version: 'v1', replaced: false })
    expect(fetch2.calls).toEqual([])
  })

  it('shares one download between concurrent calls', async () => {
    const f = fakeFetch(samplePlanData('v1'))
    const [a, b] = await Promise.all([ensurePlanData(f, source('v1')), ensurePlanData(f, source('v1'))])
    expect(a).toEqual(b)
    expect(f.calls).toHaveLength(1)
  })

  it('replaces the data for a new version and keeps favorites, check-ins and their outbox rows', async () => {
    await ensurePlanData(fakeFetch(samplePlanData('v1')), source('v1'))
    await setFavorite('hunan-2023-zwfw-1', true)
    await setFavorite('hunan-2023-zwfw-4', true)
    const checkin = await addCheckin({ pointId: 'hunan-2023-zwfw-1', status: 'in_progress', progress: 40, note: '已部署' })
    const outboxBefore = await db.outbox.toArray()
    expect(outboxBefore).toHaveLength(3)

    expect(await ensurePlanData(fakeFetch(planDataV2()), source('v2'))).toEqual({ version: 'v2', replaced: true })

    expect(await getStoredDataVersion()).toBe('v2')
    expect((await db.points.toCollection().primaryKeys()).sort()).toEqual([
      'changsha-2023-zwgk-1',
      'hunan-2023-zwfw-1',
      'hunan-2023-zwfw-2',
      'hunan-2023-zwfw-3',
      'hunan-2023-zwfw-5',
    ])
    expect((await db.points.get('hunan-2023-zwfw-1'))?.title).toBe('深化一件事一次办改革（修订）')
    expect(await db.checkins.toArray()).toEqual([{ ...checkin, owner: '本机', syncState: 'pending' }])
    expect(await db.outbox.toArray()).toEqual(outboxBefore)
    expect(await db.favoritesByOwner.count()).toBe(2)
    // Favorites follow the stable id to the new text; a favorite of a removed point is kept but has no card.
    expect((await getFavoritePoints('deadline')).map(p => p.title)).toEqual(['深化一件事一次办改革（修订）'])
  })

  it('rejects a download that does not match the contract and keeps the old data', async () => {
    await ensurePlanData(fakeFetch(samplePlanData('v1')), source('v1'))
    const broken = { ...samplePlanData('v2'), plans: [{ id: 'Not A Slug' }] }
    await expect(ensurePlanData(fakeFetch(broken), source('v2'))).rejects.toThrow(/计划数据格式不正确/)
    await expect(ensurePlanData(fakeFetch({}, 503), source('v2'))).rejects.toThrow(/HTTP 503/)
    expect(await getStoredDataVersion()).toBe('v1')
    expect(await db.points.count()).toBe(5)
  })
})

describe('replacePlanData', () => {
  it('is one transaction: a failure part-way leaves the old data intact', async () => {
    await replacePlanData(samplePlanData('v1'))
    const before = await db.points.toArray()

    const bad = planDataV2()
    // A value IndexedDB cannot store, in the last point, so earlier chunks are written before it fails.
    const last = bad.plans[1]!.sections[1]!.points[1]!
    ;(last as unknown as { body: unknown }).body = () => 'not cloneable'
    await expect(replacePlanData(bad, { chunkSize: 2 })).rejects.toThrow()

    expect(await db.points.toArray()).toEqual(before)
    expect(await db.plans.count()).toBe(2)
    expect(await db.themes.count()).toBe(3)
    expect(await getStoredDataVersion()).toBe('v1')
  })

  it('writes large data sets in chunks and keeps plan order and earliest deadlines', async () => {
    const points = Array.from({ length: 4321 }, (_, i) => makePoint(`big-2023-x-${i + 1}`, {
      deadlines: i % 3 === 0 ? [] : [{ text: '年底前', date: '2023-12-31' }, { text: '6月份前', date: '2023-06-30' }],
    }))
    const data = samplePlanData('big')
    data.plans.push({ ...data.plans[1]!, id: 'big-2023-x', title: '大计划', sections: [{ no: 1, title: '甲', points: points.slice(0, 2000) }, { no: 2, title: '乙', points: points.slice(2000) }] })
    await replacePlanData(data, { chunkSize: 500 })

    expect(await db.points.count()).toBe(5 + 4321)
    const plan = await db.plans.get('big-2023-x')
    expect(plan?.sections.map(s => s.pointIds.length)).toEqual([2000, 2321])
    const row = await db.points.get('big-2023-x-2001')
    expect(row).toMatchObject({ planId: 'big-2023-x', sectionNo: 2, sectionTitle: '乙', order: 2000, deadline: '2023-06-30' })
    expect((await db.points.get('big-2023-x-1'))?.deadline).toBeNull()
    // Null deadlines stay out of the deadline index.
    expect(await db.points.where('deadline').equals('2023-06-30').count()).toBe(2 + 2880)
  })
})
