import { beforeEach, describe, expect, it } from 'vitest'
import { addCheckin, setFavorite } from '~/db/actions'
import { db } from '~/db/db'
import { adoptLocalData, clearOwnerData, countOwnerData, hasLocalData } from '~/db/owner-data'
import { replacePlanData } from '~/db/plan-data-loader'
import { countUnsynced, getCheckinHistory, getFavoriteIds, getLatestCheckins } from '~/db/queries'
import { loadLedgerSource } from '~/export/ledger-export'
import { listRejectedChanges } from '~/sync/rejected-changes'
import { clearSession, saveSession } from '~/sync/session'
import { resetDb, samplePlanData } from './fixtures'

const P1 = 'hunan-2023-zwfw-1'
const P2 = 'hunan-2023-zwfw-2'
const as = (name: string) => saveSession({ token: `token-of-${name}`, expiresAt: '2099-01-01T00:00:00.000Z', user: { name, unit: '长沙市政务服务中心', admin: false } })

beforeEach(async () => {
  await resetDb()
  await replacePlanData(samplePlanData('v1'))
})

describe('whose rows a shared phone shows', () => {
  it('shows, counts and exports only the signed-in account\'s check-ins and favorites', async () => {
    await as('张三')
    await addCheckin({ pointId: P1, status: 'done', progress: 100, note: '张三的打卡' })
    await setFavorite(P1, true)
    await clearSession()
    await as('李四')
    expect(await getFavoriteIds()).toEqual(new Set())
    expect(await getCheckinHistory(P1)).toEqual([])
    expect((await getLatestCheckins()).size).toBe(0)
    expect(await countUnsynced()).toBe(0)
    expect((await loadLedgerSource()).latest.size).toBe(0)

    await addCheckin({ pointId: P1, status: 'blocked', progress: 10, note: '李四的打卡' })
    expect((await getCheckinHistory(P1)).map(c => c.note)).toEqual(['李四的打卡'])
    await as('张三')
    expect((await getCheckinHistory(P1)).map(c => c.note)).toEqual(['张三的打卡'])
    expect(await getFavoriteIds()).toEqual(new Set([P1]))
    expect((await loadLedgerSource()).latest.get(P1)?.note).toBe('张三的打卡')
    expect(await countUnsynced()).toBe(2)
  })

  it('lists only the signed-in account\'s set-apart changes', async () => {
    await as('张三')
    await addCheckin({ pointId: P1, status: 'done', progress: 100, note: '' })
    await db.outbox.toCollection().modify({ state: 'rejected', lastError: '要点不存在' })
    expect(await listRejectedChanges()).toHaveLength(1)
    await as('李四')
    expect(await listRejectedChanges()).toEqual([])
  })
})

describe('本机 data', () => {
  it('is adopted only on request: check-ins and outbox move, favorites merge by last writer', async () => {
    await addCheckin({ pointId: P1, status: 'in_progress', progress: 40, note: '本机打卡' })
    await setFavorite(P1, true, new Date('2026-11-20T00:00:00.000Z'))
    await setFavorite(P2, true, new Date('2026-11-20T00:00:00.000Z'))
    expect(await hasLocalData()).toBe(true)
    // 李四 already un-favorited P2 later on another device: that newer choice wins over 本机's.
    await as('李四')
    await setFavorite(P2, false, new Date('2026-11-25T00:00:00.000Z'))
    expect(await countOwnerData('本机')).toEqual({ checkins: 1, favorites: 2, pending: 3, setApart: 0 })

    await adoptLocalData('李四')
    expect(await hasLocalData()).toBe(false)
    expect(await countOwnerData('李四')).toEqual({ checkins: 1, favorites: 1, pending: 4, setApart: 0 })
    expect(await getFavoriteIds()).toEqual(new Set([P1]))
    expect((await getCheckinHistory(P1)).map(c => c.note)).toEqual(['本机打卡'])
    expect(new Set((await db.outbox.toArray()).map(r => r.owner))).toEqual(new Set(['李四']))
    await expect(adoptLocalData('本机')).rejects.toThrow()
  })

  it('clears one account\'s rows, pending ones included, and nobody else\'s', async () => {
    await addCheckin({ pointId: P2, status: 'done', progress: 100, note: '本机' })
    await as('张三')
    await addCheckin({ pointId: P1, status: 'done', progress: 100, note: '张三' })
    await setFavorite(P1, true)
    await db.colleagueCheckins.put({ id: 'c1', viewer: '张三', author: '王五', pointId: P1, status: 'done', progress: 100, note: '', createdAt: '2026-11-20T00:00:00.000Z', deviceId: 'd' })
    await db.colleagueCheckins.put({ id: 'c1', viewer: '李四', author: '王五', pointId: P1, status: 'done', progress: 100, note: '', createdAt: '2026-11-20T00:00:00.000Z', deviceId: 'd' })
    await db.meta.put({ key: 'syncCursor:张三', value: 'x' })
    expect(await countOwnerData('张三')).toEqual({ checkins: 1, favorites: 1, pending: 2, setApart: 0 })

    await clearOwnerData('张三')
    expect(await countOwnerData('张三')).toEqual({ checkins: 0, favorites: 0, pending: 0, setApart: 0 })
    expect(await countOwnerData('本机')).toEqual({ checkins: 1, favorites: 0, pending: 1, setApart: 0 })
    expect((await db.colleagueCheckins.toArray()).map(c => c.viewer)).toEqual(['李四'])
    expect(await db.meta.get('syncCursor:张三')).toBeUndefined()
  })
})
