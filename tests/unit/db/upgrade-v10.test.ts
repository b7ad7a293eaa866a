import Dexie from 'dexie'
import { beforeEach, describe, expect, it } from 'vitest'
import { getBoardData } from '~/db/board'
import { db, DB_NAME } from '~/db/db'
import { replacePlanData } from '~/db/plan-data-loader'
import { samplePlanData } from './fixtures'
import { legacyCheckin } from './legacy-v4'
import { LegacyV9DB } from './legacy-v9'

const DEVICE = '01937f00-0000-7000-8000-00000000eeee'

beforeEach(async () => {
  db.close()
  await Dexie.delete(DB_NAME)
})

describe('schema v10 upgrade (theme board counts)', () => {
  it('keeps every check-in and outbox row, counts boards from the plan rows until the plan data is next written', async () => {
    const legacy = new LegacyV9DB(DB_NAME)
    const checkin = legacyCheckin(1, 'hunan-2023-zwfw-3', DEVICE)
    await legacy.table('checkins').add({ ...checkin.row, owner: '本机', status: 'done' })
    await legacy.table('outbox').add({ ...checkin.outbox, owner: '本机', attempts: 2, lastError: '网络不可用' })
    const before = { checkins: await legacy.table('checkins').toArray(), outbox: await legacy.table('outbox').toArray() }
    legacy.close()

    await db.open()
    expect(db.verno).toBeGreaterThanOrEqual(10) // later versions are additive (upgrade-v11.test.ts)
    expect(await db.checkins.toArray()).toEqual(before.checkins)
    expect(await db.outbox.toArray()).toEqual(before.outbox)
    expect(await db.boardIndex.count()).toBe(0)

    await replacePlanData(samplePlanData())
    expect(await db.boardIndex.count()).toBe(3)
    expect(await db.outbox.toArray()).toEqual(before.outbox)
    const board = await getBoardData({ kind: 'theme', id: 'zwgk' }, new Date(2023, 5, 1, 12))
    expect([board.mine.total, board.mine.counts.done]).toEqual([3, 1])
  })
})
