import type { EffectScope } from 'vue'
import type { ColleagueCheckinRow } from '~/db/colleague-checkins'
import type { SyncApiClient } from '~/sync/sync-api-client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { useSyncState } from '~/composables/useSyncState'
import { latestPerAuthor } from '~/composables/useUnitCheckins'
import { addCheckin, setFavorite } from '~/db/actions'
import { db } from '~/db/db'
import { replacePlanData } from '~/db/plan-data-loader'
import { pushOutbox } from '~/sync/push-outbox'
import { dismissRejectedChange, listRejectedChanges } from '~/sync/rejected-changes'
import { expireSession, saveSession } from '~/sync/session'
import { describeSyncState } from '~/sync/sync-label'
import { makeOutboxDueNow, msUntilNextRetry, pendingOutboxIds } from '~/sync/sync-scheduler'
import { updateSyncStatus } from '~/sync/sync-status'
import { resetDb, samplePlanData } from '../db/fixtures'

beforeEach(async () => {
  await resetDb()
  await replacePlanData(samplePlanData('v1'))
})

/** A server that refuses every check-in for an unknown point and accepts the rest. */
function refusingClient(badPoint: string): SyncApiClient {
  return {
    push: async (_token: string, mutations: { id: string, kind: string, checkin?: { pointId: string } }[]) => ({
      results: mutations.map(m => m.checkin?.pointId === badPoint
        ? { id: m.id, status: 'rejected' as const, reason: 'unknown point' as const }
        : { id: m.id, status: 'accepted' as const }),
    }),
  } as unknown as SyncApiClient
}

describe('rejected changes', () => {
  it('lists refused changes with the point title and reason until dismissed; the check-in stays, marked rejected', async () => {
    const bad = await addCheckin({ pointId: 'hunan-2023-zwfw-1', status: 'blocked', progress: 30, note: '' })
    await addCheckin({ pointId: 'hunan-2023-zwfw-2', status: 'done', progress: 100, note: '' })
    await setFavorite('hunan-2023-zwfw-3', true)
    expect(await pushOutbox(refusingClient('hunan-2023-zwfw-1'), 'token', '本机')).toEqual({ accepted: 2, rejected: 1 })

    const listed = await listRejectedChanges()
    const title = (await db.points.get('hunan-2023-zwfw-1'))!.title
    expect(listed).toEqual([expect.objectContaining({ kind: 'checkin', pointId: 'hunan-2023-zwfw-1', pointTitle: title, reason: '要点不存在（可能已被撤下）', checkinStatus: 'blocked', progress: 30 })])

    // A pending row is never dropped by a dismissal.
    await addCheckin({ pointId: 'hunan-2023-zwfw-2', status: 'done', progress: 100, note: 'again' })
    const pendingId = (await db.outbox.where('state').equals('pending').first())!.id
    expect(await dismissRejectedChange(pendingId)).toBe(false)
    expect(await db.outbox.get(pendingId)).toBeDefined()

    expect(await dismissRejectedChange(listed[0]!.id)).toBe(true)
    expect(await listRejectedChanges()).toEqual([])
    expect(await db.checkins.get(bad.id)).toMatchObject({ syncState: 'rejected', rejectReason: '要点不存在（可能已被撤下）' })
  })

  it('names a point that is no longer in the local plan data by its id', async () => {
    await addCheckin({ pointId: 'gone-point', status: 'done', progress: 100, note: '' })
    await pushOutbox(refusingClient('gone-point'), 'token', '本机')
    expect(await listRejectedChanges()).toEqual([expect.objectContaining({ pointId: 'gone-point', pointTitle: undefined })])
  })
})

describe('msUntilNextRetry', () => {
  it('is undefined with nothing pending, 0 when a row is due, and the wait until the earliest backoff otherwise', async () => {
    expect(await msUntilNextRetry()).toBeUndefined()
    const now = Date.now()
    await addCheckin({ pointId: 'hunan-2023-zwfw-1', status: 'done', progress: 100, note: '' }, new Date(now))
    expect(await msUntilNextRetry(now + 10)).toBe(0)
    await db.outbox.toCollection().modify({ nextAttemptAt: now + 5_000 })
    await addCheckin({ pointId: 'hunan-2023-zwfw-2', status: 'done', progress: 100, note: '' }, new Date(now))
    await db.outbox.filter(r => r.nextAttemptAt === now).modify({ nextAttemptAt: now + 3_000 })
    expect(await msUntilNextRetry(now)).toBe(3_000)
    await db.outbox.toCollection().modify({ state: 'rejected' })
    expect(await msUntilNextRetry(now)).toBeUndefined()
  })
})

describe('latestPerAuthor', () => {
  const row = (id: string, author: string, createdAt: string): ColleagueCheckinRow =>
    ({ id, viewer: 'sun', author, createdAt, pointId: 'p', status: 'in_progress', progress: 50, note: '', deviceId: 'd' })

  it('keeps each colleague\'s newest check-in, newest first, comparing instants not strings', () => {
    const rows = [
      row('01', 'li', '2026-11-20T08:00:00.000Z'),
      row('02', 'li', '2026-11-21T08:00:00.000Z'),
      row('03', 'wang', '2026-11-21T17:00:00+08:00'), // 09:00Z: newer than li's 08:00Z
      row('04', 'zhao', '2026-11-19T08:00:00.000Z'),
    ]
    expect(latestPerAuthor(rows).map(r => r.id)).toEqual(['03', '02', '04'])
    expect(latestPerAuthor([])).toEqual([])
  })
})

describe('useSyncState', () => {
  let scope: EffectScope
  afterEach(() => scope.stop())

  it('follows session, last run, pending count and expiry live', async () => {
    scope = effectScope()
    const state = scope.run(() => useSyncState())!
    await vi.waitFor(() => expect(state.loaded.value).toBe(true))
    expect(state.label.value.kind).toBe('local')

    await addCheckin({ pointId: 'hunan-2023-zwfw-1', status: 'done', progress: 100, note: '' })
    await vi.waitFor(() => expect(state.label.value.detail).toBe('未登录：1 条记录只保存在本机，登录后可同步'))
    expect(state.label.value.text).toBe('未登录 · 仅存本机')

    // zhang signs in: the 本机 row is not zhang's, so nothing of zhang's is pending yet.
    await saveSession({ token: 't', expiresAt: '2099-01-01T00:00:00Z', user: { name: 'zhang', unit: '市政务服务中心', admin: false } })
    await vi.waitFor(() => expect(state.label.value.text).toBe('等待首次同步'))
    await addCheckin({ pointId: 'hunan-2023-zwfw-2', status: 'done', progress: 100, note: '' })
    await vi.waitFor(() => expect(state.label.value.text).toBe('待同步 1 条'))
    await updateSyncStatus({ lastError: '网络不可用，稍后自动重试' })
    await vi.waitFor(() => expect(state.label.value).toMatchObject({ kind: 'failed', detail: '网络不可用，稍后自动重试（1 条待同步）' }))

    await expireSession('another-token') // a 401 for a token no longer signed in changes nothing
    expect(state.label.value.text).toBe('同步失败 · 待同步 1 条')
    await expireSession('t')
    await vi.waitFor(() => expect(state.label.value.text).toBe('请重新登录'))
    expect(state.session.value?.user.name).toBe('zhang')
    expect(state.pending.value).toBe(1)
  })
})

describe('makeOutboxDueNow', () => {
  it('brings deferred pending rows forward, keeps their attempt count, and leaves rejected rows alone', async () => {
    const now = Date.now()
    await addCheckin({ pointId: 'hunan-2023-zwfw-1', status: 'done', progress: 100, note: '' }, new Date(now))
    await addCheckin({ pointId: 'hunan-2023-zwfw-2', status: 'done', progress: 100, note: '' }, new Date(now))
    await db.outbox.toCollection().modify({ attempts: 3, nextAttemptAt: now + 60_000 })
    const [first] = await db.outbox.toArray()
    await db.outbox.update(first!.id, { state: 'rejected' })

    await makeOutboxDueNow(now + 1)
    const rows = await db.outbox.toArray()
    expect(rows.filter(r => r.state === 'pending').map(r => [r.attempts, r.nextAttemptAt])).toEqual([[3, now + 1]])
    expect(rows.find(r => r.state === 'rejected')!.nextAttemptAt).toBe(now + 60_000)
  })
})

describe('describeSyncState right after sign-in', () => {
  it('does not claim 已同步 before the first run has synced', () => {
    const session = { token: 't', expiresAt: '2099-01-01T00:00:00Z', user: { name: 'zhang', unit: 'u', admin: false }, expired: false }
    expect(describeSyncState({ online: true, session, pending: 0, status: {} })).toMatchObject({ kind: 'pending', text: '等待首次同步', detail: '尚未同步' })
    expect(describeSyncState({ online: true, session, pending: 0, status: { lastSyncedAt: '2026-11-21T08:00:00Z' } }).text).toBe('已同步')
  })
})

describe('pendingOutboxIds', () => {
  it('gives a new id when a favorite is toggled again, though the pending count stays the same', async () => {
    await setFavorite('hunan-2023-zwfw-1', true)
    const before = await pendingOutboxIds()
    await setFavorite('hunan-2023-zwfw-1', false)
    const after = await pendingOutboxIds()
    expect(after).toHaveLength(before.length)
    expect(after.some(id => !before.includes(id))).toBe(true)
  })
})
