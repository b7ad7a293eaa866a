import Dexie from 'dexie'
import { beforeEach, describe, expect, it } from 'vitest'
import { db, DB_NAME } from '~/db/db'
import { replacePlanData } from '~/db/plan-data-loader'
import { toPlanRow } from '~/db/plans'
import { toPointRows } from '~/db/points'
import { buildPinyinIndexes } from '~/search/build-index'
import { withPinyin } from '~/search/plan-pinyin'
import { loadSearchCorpus } from '~/search/search-docs'
import { samplePlanData } from './fixtures'
import { legacyCheckin } from './legacy-v4'
import { LegacyV7DB } from './legacy-v7'

const DEVICE = '01937f00-0000-7000-8000-00000000eeee'

beforeEach(async () => {
  db.close()
  await Dexie.delete(DB_NAME)
})

describe('schema v8 upgrade (word pinyin per plan)', () => {
  it('keeps every row, searches the old data by characters, and by pinyin once a build with pinyin replaces it', async () => {
    const legacy = new LegacyV7DB(DB_NAME)
    const old = samplePlanData('v1')
    const checkin = legacyCheckin(1, 'hunan-2023-zwfw-1', DEVICE)
    await legacy.table('plans').bulkAdd(old.plans.map(toPlanRow))
    await legacy.table('points').bulkAdd(old.plans.flatMap(toPointRows))
    await legacy.table('checkins').add({ ...checkin.row, owner: 'zhang' })
    await legacy.table('outbox').add({ ...checkin.outbox, owner: 'zhang' })
    const before: Record<string, unknown[]> = {}
    for (const name of ['plans', 'points', 'checkins', 'outbox'])
      before[name] = await legacy.table(name).toArray()
    legacy.close()

    await db.open()
    expect(db.verno).toBeGreaterThanOrEqual(8)
    for (const [name, rows] of Object.entries(before))
      expect(await db.table(name).toArray()).toEqual(rows)
    expect(await db.planPinyin.count()).toBe(0)
    const stale = buildPinyinIndexes(await loadSearchCorpus(db)).points
    expect(stale.query('一件事')).toEqual(['hunan-2023-zwfw-1', 'hunan-2023-zwfw-3'])
    expect(stale.query('yjs')).toEqual([])

    // The next build's data carries pinyin (and so has another version): the loader replaces the old data with it.
    await replacePlanData(withPinyin(samplePlanData('v2')))
    expect((await db.planPinyin.toArray()).map(r => r.planId).sort()).toEqual(old.plans.map(p => p.id).sort())
    expect((await db.plans.toArray()).some(p => 'pinyin' in p)).toBe(false)
    const fresh = buildPinyinIndexes(await loadSearchCorpus(db))
    expect(fresh.points.query('yjs')).toEqual(['hunan-2023-zwfw-1', 'hunan-2023-zwfw-3'])
    expect(fresh.points.query('zhengwugongkai')).toContain('changsha-2023-zwgk-1')
    expect(fresh.themes.query('zwgk')).toEqual(['zwgk'])
    expect(await db.outbox.toArray()).toEqual(before.outbox)
  })
})
