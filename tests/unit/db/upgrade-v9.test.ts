import Dexie from 'dexie'
import { beforeEach, describe, expect, it } from 'vitest'
import { addCheckin } from '~/db/actions'
import { db, DB_NAME } from '~/db/db'
import { legacyCheckin } from './legacy-v4'
import { LegacyV8DB } from './legacy-v8'

const DEVICE = '01937f00-0000-7000-8000-00000000eeee'

beforeEach(async () => {
  db.close()
  await Dexie.delete(DB_NAME)
})

describe('schema v9 upgrade (佐证 photos)', () => {
  it('keeps every check-in and outbox row as it was, and stores photos with new check-ins', async () => {
    const legacy = new LegacyV8DB(DB_NAME)
    const checkin = legacyCheckin(1, 'hunan-2023-zwfw-1', DEVICE)
    await legacy.table('checkins').add({ ...checkin.row, owner: 'zhang' })
    await legacy.table('outbox').add({ ...checkin.outbox, owner: 'zhang', attempts: 3, lastError: '网络不可用' })
    const before = { checkins: await legacy.table('checkins').toArray(), outbox: await legacy.table('outbox').toArray() }
    legacy.close()

    await db.open()
    expect(db.verno).toBeGreaterThanOrEqual(9) // later versions are additive (upgrade-v10.test.ts)
    expect(await db.checkins.toArray()).toEqual(before.checkins)
    expect(await db.outbox.toArray()).toEqual(before.outbox)
    expect(await db.photos.count()).toBe(0)

    const blob = new Blob([new Uint8Array([0xFF, 0xD8, 0xFF])], { type: 'image/jpeg' })
    const saved = await addCheckin({ pointId: 'hunan-2023-zwfw-1', status: 'in_progress', progress: 40, note: '' }, new Date(), [{ hash: 'a'.repeat(64), blob, thumb: blob, width: 1, height: 1 }])
    expect(await db.photos.where('checkinId').equals(saved.id).count()).toBe(1)
    expect(await db.outbox.count()).toBe(2)
  })
})
