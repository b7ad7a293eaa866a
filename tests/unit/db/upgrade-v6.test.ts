import Dexie from 'dexie'
import { beforeEach, describe, expect, it } from 'vitest'
import { db, DB_NAME } from '~/db/db'
import { importLocalPlans } from '~/db/local-plans'
import { toPlanRow } from '~/db/plans'
import { toPointRows } from '~/db/points'
import { listLocalPlans } from '~/db/queries'
import { makePlan, makePoint, samplePlanData, THEMES } from './fixtures'
import { legacyCheckin, legacyFavorite } from './legacy-v4'
import { LegacyV5DB } from './legacy-v5'

const DEVICE = '01937f00-0000-7000-8000-00000000eeee'

beforeEach(async () => {
  db.close()
  await Dexie.delete(DB_NAME)
})

/** A v5 database as an installed app left it: plan data, check-ins, favorites, pending and set-apart outbox rows. */
async function writeV5(): Promise<Record<string, unknown[]>> {
  const legacy = new LegacyV5DB(DB_NAME)
  const data = samplePlanData('v1')
  const checkins = [1, 2].map(n => legacyCheckin(n, `hunan-2023-zwfw-${n}`, DEVICE))
  const favorite = legacyFavorite(3, 'hunan-2023-zwfw-3', DEVICE)
  await legacy.table('plans').bulkAdd(data.plans.map(toPlanRow))
  await legacy.table('points').bulkAdd(data.plans.flatMap(toPointRows))
  await legacy.table('checkins').bulkAdd(checkins.map(c => ({ ...c.row, owner: 'zhang' })))
  await legacy.table('favoritesByOwner').add({ ...favorite.row, owner: 'zhang' })
  await legacy.table('outbox').bulkAdd([
    ...checkins.map(c => ({ ...c.outbox, owner: 'zhang' })),
    { ...favorite.outbox, owner: 'zhang', attempts: 4, lastError: '网络不可用，稍后自动重试' },
    { ...legacyCheckin(7, 'no-such-point', DEVICE).outbox, owner: 'zhang', state: 'rejected', lastError: '要点不存在（可能已被撤下）' },
  ])
  const snapshot: Record<string, unknown[]> = {}
  for (const name of ['plans', 'points', 'checkins', 'favoritesByOwner', 'outbox'])
    snapshot[name] = await legacy.table(name).toArray()
  legacy.close()
  return snapshot
}

describe('schema v6 upgrade (plans imported on the device)', () => {
  it('keeps every row, the outbox to the field, and adds the new tables empty', async () => {
    const before = await writeV5()
    await db.open()
    expect(db.verno).toBeGreaterThanOrEqual(6)
    for (const [name, rows] of Object.entries(before))
      expect(await db.table(name).toArray()).toEqual(rows)
    expect(await db.unpublishedPoints.count()).toBe(0)
    expect(await db.sharedFiles.count()).toBe(0)
    // Plans stored before have no origin: none of them counts as imported here.
    expect(await listLocalPlans()).toEqual([])

    await importLocalPlans({ plans: [makePlan('moumou-2026-zwgk', { origin: 'local', sections: [{ no: 1, title: '一', points: [makePoint('moumou-2026-zwgk-1')] }] })], themes: THEMES })
    expect((await listLocalPlans()).map(p => p.id)).toEqual(['moumou-2026-zwgk'])
    expect(await db.outbox.toArray()).toEqual(before.outbox)
  })
})
