import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { addCheckin } from '../../../src/db/actions'
import { db } from '../../../src/db/db'
import { BACKOFF_BASE_MS, BACKOFF_MAX_MS, backoffDelay } from '../../../src/sync/backoff'
import { favoriteWins } from '../../../src/sync/pull-changes'
import { pushOutbox } from '../../../src/sync/push-outbox'
import { SyncApiClient } from '../../../src/sync/sync-api-client'
import { PENDING_POLL_MS, startSyncScheduler } from '../../../src/sync/sync-scheduler'

describe('backoffDelay', () => {
  it('grows exponentially with jitter between half and all of the ceiling, capped', () => {
    expect(backoffDelay(1, () => 0)).toBe(BACKOFF_BASE_MS / 2)
    expect(backoffDelay(1, () => 1)).toBe(BACKOFF_BASE_MS)
    expect(backoffDelay(4, () => 1)).toBe(BACKOFF_BASE_MS * 8)
    expect(backoffDelay(30, () => 1)).toBe(BACKOFF_MAX_MS)
    const spread = new Set(Array.from({ length: 20 }, () => backoffDelay(3)))
    expect(spread.size).toBeGreaterThan(1)
  })
})

describe('favoriteWins (last writer wins on updatedAt, then deviceId)', () => {
  const fav = (updatedAt: string, deviceId: string, on = true) => ({ pointId: 'p', on, updatedAt, deviceId })
  it('takes the newer write, breaks ties by device id, and accepts anything over nothing', () => {
    expect(favoriteWins(fav('2023-05-02T00:00:00.000Z', 'a', false), fav('2023-05-01T00:00:00.000Z', 'b'))).toBe(true)
    expect(favoriteWins(fav('2023-05-01T00:00:00.000Z', 'z'), fav('2023-05-02T00:00:00.000Z', 'a'))).toBe(false)
    expect(favoriteWins(fav('2023-05-01T00:00:00.000Z', 'b'), fav('2023-05-01T00:00:00.000Z', 'a'))).toBe(true)
    expect(favoriteWins(fav('2023-05-01T00:00:00.000Z', 'a'), fav('2023-05-01T00:00:00.000Z', 'b'))).toBe(false)
    expect(favoriteWins(fav('2023-05-01T00:00:00.000Z', 'a'), undefined)).toBe(true)
  })
})

describe('pushOutbox with a server that refuses a whole batch', () => {
  beforeEach(() => Promise.all(db.tables.map(t => t.clear())))

  it('narrows a 400 down to the one bad row and sends the rest', async () => {
    for (let i = 0; i < 5; i++)
      await addCheckin({ pointId: `p-${i}`, status: 'done', progress: 100, note: i === 3 ? 'bad' : '' })
    const bad = (await db.checkins.toArray()).find(c => c.note === 'bad')!.id
    const fake = async (_input: string, init?: RequestInit) => {
      const { mutations } = JSON.parse(String(init!.body)) as { mutations: Array<{ id: string, checkin: { id: string } }> }
      if (mutations.some(m => m.checkin.id === bad))
        return Response.json({ error: 'mutations.0.checkin.note: too long' }, { status: 400 })
      return Response.json({ results: mutations.map(m => ({ id: m.id, status: 'accepted' })) })
    }
    const summary = await pushOutbox(new SyncApiClient(fake), 'token-token-token-token', '本机')
    expect(summary).toEqual({ accepted: 4, rejected: 1 })
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ state: 'rejected', lastError: '服务器拒收：mutations.0.checkin.note: too long' })])
    expect(await db.checkins.get(bad)).toMatchObject({ syncState: 'rejected' })
  })

  it('keeps every row pending on a 5xx and defers them', async () => {
    await addCheckin({ pointId: 'p', status: 'done', progress: 100, note: '' })
    const down = async () => Response.json({ error: 'internal server error' }, { status: 503 })
    await expect(pushOutbox(new SyncApiClient(down), 'token-token-token-token', '本机')).rejects.toThrow()
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ state: 'pending', attempts: 1 })])
  })
})

describe('startSyncScheduler', () => {
  // Only intervals are faked: IndexedDB (fake-indexeddb) needs the real timers to answer.
  beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] }))
  afterEach(() => vi.useRealTimers())

  it('syncs on start, online, return to foreground, service-worker request and a timer while anything is due', async () => {
    await Promise.all(db.tables.map(t => t.clear()))
    const target = new EventTarget()
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState })
    const sw = new EventTarget()
    let online = true
    const syncNow = vi.fn(async () => ({ kind: 'signed-out' as const }))
    const stop = startSyncScheduler({ syncNow }, {
      target: target as unknown as Window,
      document: doc as unknown as Document,
      serviceWorker: sw as unknown as ServiceWorkerContainer,
      isOnline: () => online,
      setInterval: (fn, ms) => setInterval(fn, ms),
      clearInterval: h => clearInterval(h as ReturnType<typeof setInterval>),
    })
    expect(syncNow).toHaveBeenCalledTimes(1)
    target.dispatchEvent(new Event('online'))
    doc.dispatchEvent(new Event('visibilitychange'))
    sw.dispatchEvent(new MessageEvent('message', { data: { type: 'sync-now' } }))
    // `online` first makes deferred rows due (an IndexedDB write), then runs.
    await vi.waitFor(() => expect(syncNow).toHaveBeenCalledTimes(4))

    vi.advanceTimersByTime(PENDING_POLL_MS) // nothing due: no run
    await new Promise(resolve => setTimeout(resolve, 50))
    expect(syncNow).toHaveBeenCalledTimes(4)
    await addCheckin({ pointId: 'p', status: 'done', progress: 100, note: '' })
    vi.advanceTimersByTime(PENDING_POLL_MS)
    await vi.waitFor(() => expect(syncNow).toHaveBeenCalledTimes(5))

    online = false
    target.dispatchEvent(new Event('online'))
    stop()
    online = true
    target.dispatchEvent(new Event('online'))
    await new Promise(resolve => setTimeout(resolve, 50))
    expect(syncNow).toHaveBeenCalledTimes(5)
  })
})
