import Dexie from 'dexie'
import { beforeEach, describe, expect, it } from 'vitest'
import { db, DB_NAME } from '~/db/db'
import { toPlanRow } from '~/db/plans'
import { toPointRows } from '~/db/points'
import { getReverseRelations } from '~/db/relations'
import { makePlan, makePoint } from './fixtures'
import { legacyCheckin, legacyFavorite } from './legacy-v4'
import { LegacyV6DB } from './legacy-v6'

const DEVICE = '01937f00-0000-7000-8000-00000000eeee'

beforeEach(async () => {
  db.close()
  await Dexie.delete(DB_NAME)
})

const province = makePlan('hunan-2023-zwgk', { sections: [{ no: 1, title: '一', points: [makePoint('hunan-2023-zwgk-1')] }] })
const city = makePlan('loudi-2023-zwgk', { region: '娄底市', level: 'city', sections: [{ no: 1, title: '一', points: [
  makePoint('loudi-2023-zwgk-1', { related: [{ pointId: 'hunan-2023-zwgk-1', kind: 'parent', score: 0.8 }, { pointId: 'hunan-2023-zwgk-9', kind: 'peer', score: 0.5 }] }),
] }] })

describe('schema v7 upgrade (points index the points they link to)', () => {
  it('fills linksTo on stored points and keeps the outbox and every other row as it was', async () => {
    const legacy = new LegacyV6DB(DB_NAME)
    // Rows as v6 wrote them: no linksTo.
    const points = [province, city].flatMap(toPointRows).map(({ linksTo: _l, ...row }) => row)
    const checkin = legacyCheckin(1, 'loudi-2023-zwgk-1', DEVICE)
    const favorite = legacyFavorite(2, 'hunan-2023-zwgk-1', DEVICE)
    await legacy.table('plans').bulkAdd([province, city].map(toPlanRow))
    await legacy.table('points').bulkAdd(points)
    await legacy.table('checkins').add({ ...checkin.row, owner: 'zhang' })
    await legacy.table('favoritesByOwner').add({ ...favorite.row, owner: 'zhang' })
    await legacy.table('outbox').bulkAdd([{ ...checkin.outbox, owner: 'zhang' }, { ...favorite.outbox, owner: 'zhang', attempts: 3, lastError: '网络不可用' }])
    const before: Record<string, unknown[]> = {}
    for (const name of ['plans', 'checkins', 'favoritesByOwner', 'outbox'])
      before[name] = await legacy.table(name).toArray()
    legacy.close()

    await db.open()
    expect(db.verno).toBeGreaterThanOrEqual(7) // later versions are additive (upgrade-v8.test.ts)
    for (const [name, rows] of Object.entries(before))
      expect(await db.table(name).toArray()).toEqual(rows)
    expect((await db.points.get('loudi-2023-zwgk-1'))?.linksTo).toEqual(['hunan-2023-zwgk-1'])
    expect((await db.points.get('hunan-2023-zwgk-1'))?.linksTo).toEqual([])
    const reverse = await getReverseRelations('hunan-2023-zwgk-1')
    expect(reverse.implementations.map(g => [g.region, g.points.map(p => p.id)])).toEqual([['娄底市', ['loudi-2023-zwgk-1']]])
    // Peers are not reversed: nothing links to the peer target as parent or previous.
    expect(await getReverseRelations('hunan-2023-zwgk-9')).toEqual({ successors: [], implementations: [] })
  })
})
