import { beforeEach, describe, expect, it } from 'vitest'
import { addCheckin, getOrCreateDeviceId, setFavorite } from '~/db/actions'
import { db } from '~/db/db'
import { MutationSchema } from '~/domain/progress'
import { uuidv7Timestamp } from '~/domain/uuidv7'
import { resetDb } from './fixtures'

beforeEach(resetDb)

describe('addCheckin', () => {
  it('stores the check-in and its outbox row together', async () => {
    const now = new Date('2026-11-21T08:30:00.000Z')
    const checkin = await addCheckin({ pointId: 'p-1', status: 'blocked', progress: 30, note: '  缺少经费  ' }, now)

    expect(checkin).toMatchObject({ pointId: 'p-1', status: 'blocked', progress: 30, note: '缺少经费', createdAt: now.toISOString() })
    expect(uuidv7Timestamp(checkin.id)).toBe(now.getTime())
    expect(await db.checkins.get(checkin.id)).toEqual({ ...checkin, owner: '本机', syncState: 'pending' })

    const outbox = await db.outbox.toArray()
    expect(outbox).toHaveLength(1)
    const row = outbox[0]!
    expect(row).toMatchObject({ state: 'pending', attempts: 0, nextAttemptAt: now.getTime(), createdAt: now.toISOString() })
    expect(row.id).toBe(row.mutation.id)
    expect(row.id).not.toBe(checkin.id)
    expect(MutationSchema.parse(row.mutation)).toEqual({ id: row.id, kind: 'checkin.create', checkin })
  })

  it('writes nothing when the outbox write fails', async () => {
    const failing = () => {
      throw new Error('disk full')
    }
    db.outbox.hook('creating', failing)
    try {
      await expect(addCheckin({ pointId: 'p-1', status: 'done', progress: 100, note: '' })).rejects.toThrow('disk full')
    }
    finally {
      db.outbox.hook('creating').unsubscribe(failing)
    }
    expect(await db.checkins.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('rejects invalid input without writing', async () => {
    await expect(addCheckin({ pointId: 'p-1', status: 'done', progress: 150, note: '' })).rejects.toThrow()
    await expect(addCheckin({ pointId: 'p-1', status: 'done', progress: 50, note: '长'.repeat(2001) })).rejects.toThrow()
    expect(await db.checkins.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('signs every change with one device id made on first use', async () => {
    const a = await addCheckin({ pointId: 'p-1', status: 'in_progress', progress: 10, note: '' })
    const f = await setFavorite('p-2', true)
    expect(a.deviceId).toBe(f.deviceId)
    expect(await getOrCreateDeviceId()).toBe(a.deviceId)
    expect(await db.meta.get('deviceId')).toEqual({ key: 'deviceId', value: a.deviceId })
  })
})

describe('setFavorite', () => {
  it('stores the favorite and its outbox row together', async () => {
    const now = new Date('2026-11-21T09:00:00.000Z')
    const fav = await setFavorite('p-1', true, now)
    expect(await db.favoritesByOwner.get(['本机', 'p-1'])).toEqual({ ...fav, owner: '本机' })
    expect(fav).toMatchObject({ pointId: 'p-1', on: true, updatedAt: now.toISOString() })
    const [row] = await db.outbox.toArray()
    expect(MutationSchema.parse(row!.mutation)).toEqual({ id: row!.id, kind: 'favorite.set', favorite: fav })
  })

  it('keeps only the newest untried change per point in the outbox, and writes nothing if that fails', async () => {
    await setFavorite('p-1', true)
    await setFavorite('p-2', true)
    await setFavorite('p-1', false)
    const rows = await db.outbox.toArray()
    expect(rows.map(r => r.mutation.kind === 'favorite.set' && [r.mutation.favorite.pointId, r.mutation.favorite.on])).toEqual([['p-2', true], ['p-1', false]])
    expect((await db.favoritesByOwner.get(['本机', 'p-1']))?.on).toBe(false)

    // A change sync already tried stays: it may be in flight.
    await db.outbox.where('id').equals(rows[1]!.id).modify({ attempts: 1 })
    await setFavorite('p-1', true)
    expect(await db.outbox.count()).toBe(3)

    const failing = () => {
      throw new Error('quota')
    }
    db.outbox.hook('creating', failing)
    try {
      await expect(setFavorite('p-2', false)).rejects.toThrow('quota')
    }
    finally {
      db.outbox.hook('creating').unsubscribe(failing)
    }
    expect((await db.favoritesByOwner.get(['本机', 'p-2']))?.on).toBe(true)
    expect(await db.outbox.count()).toBe(3)
  })
})
