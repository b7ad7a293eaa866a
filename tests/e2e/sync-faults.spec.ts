import type { Browser, Page } from 'playwright-core'
import type { SyncServer } from './support/sync-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, PHONE, waitForHomeData, waitForServiceWorker } from './support/browser'
import { e2ePort } from './support/env'
import { chipText, localSyncRows, signInOnMe } from './support/sync-actions'
import { apiLogin, apiPullAll, readIdb, startSyncServer } from './support/sync-server'

const UNIT = '娄底市政务服务中心'

/**
 * Many check-ins at once, written as the app writes them (a check-in and its outbox row per transaction-free put;
 * the 打卡 sheet would take minutes for a batch this size). Returns their ids.
 */
function addCheckinsDirectly(page: Page, pointIds: string[], count: number, label: string): Promise<string[]> {
  return page.evaluate(({ pointIds, count, label }) => new Promise<string[]>((resolve, reject) => {
    const open = indexedDB.open('yaodiantong')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const tx = open.result.transaction(['checkins', 'outbox'], 'readwrite')
      const ids: string[] = []
      const now = Date.now()
      for (let i = 0; i < count; i++) {
        const at = new Date(now + i)
        const checkin = { id: crypto.randomUUID(), pointId: pointIds[i % pointIds.length]!, status: 'in_progress', progress: i % 101, note: `${label} ${i}`, createdAt: at.toISOString(), deviceId: 'e2e-device' }
        const mutationId = crypto.randomUUID()
        tx.objectStore('checkins').put({ ...checkin, syncState: 'pending' })
        tx.objectStore('outbox').put({ id: mutationId, mutation: { id: mutationId, kind: 'checkin.create', checkin }, createdAt: at.toISOString(), attempts: 0, nextAttemptAt: at.getTime(), state: 'pending' })
        ids.push(checkin.id)
      }
      tx.oncomplete = () => {
        open.result.close()
        resolve(ids)
      }
      tx.onerror = () => reject(tx.error)
    }
  }), { pointIds, count, label })
}

/** Outbox rows that have been tried and are waiting for their retry. */
async function triedRows(page: Page): Promise<number> {
  return (await readIdb<{ attempts: number, state: string }>(page, 'outbox')).filter(r => r.state === 'pending' && r.attempts > 0).length
}

/** What the server holds for the user: ids of their own check-ins, with repeats kept. */
async function serverIds(server: SyncServer, name: string): Promise<string[]> {
  return (await apiPullAll(server.url, await apiLogin(server.url, name))).checkins.filter(c => c.mine).map(c => c.id)
}

describe('sync faults: server killed mid-push, network flapping', () => {
  let browser: Browser
  let server: SyncServer
  beforeAll(async () => {
    ;[browser, server] = await Promise.all([
      launchBrowser(),
      startSyncServer(e2ePort(11), [{ name: 'chen', unit: UNIT }, { name: 'zhou', unit: UNIT }]),
    ])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.dispose()
  })

  async function signedInPage(name: string): Promise<{ page: Page, pointIds: string[] }> {
    const context = await browser.newContext(PHONE)
    const page = await context.newPage()
    await page.goto(server.url)
    await waitForServiceWorker(page)
    await waitForHomeData(page)
    await signInOnMe(page, server.url, name)
    const pointIds = (await readIdb<{ id: string }>(page, 'points')).slice(0, 40).map(p => p.id)
    return { page, pointIds }
  }

  it('stores every check-in exactly once when the server is SIGKILLed during a push and restarted', async () => {
    const { page, pointIds } = await signedInPage('chen')
    const context = page.context()

    // Round 1: the server dies while the push request is in flight.
    await context.setOffline(true)
    const batch1 = await addCheckinsDirectly(page, pointIds, 300, '批次一')
    let killed: Promise<void> | undefined
    page.on('request', (request) => {
      if (!killed && request.url().endsWith('/api/sync/push'))
        killed = server.kill()
    })
    await context.setOffline(false)
    await expect.poll(() => killed !== undefined, { timeout: 15_000 }).toBe(true)
    await killed
    await expect.poll(() => triedRows(page), { timeout: 10_000 }).toBe(batch1.length) // the client saw the push fail
    await context.setOffline(true) // hold the client back while we look at the server
    await server.restart()
    // A push is one transaction: after the crash the server holds all of the batch or none of it.
    const afterCrash = await serverIds(server, 'chen')
    expect([0, batch1.length]).toContain(afterCrash.length)

    // Round 2: the server commits the push, then dies before the answer reaches the client.
    const batch2 = await addCheckinsDirectly(page, pointIds, 200, '批次二')
    let answered = false
    await context.route('**/api/sync/push', async (route) => {
      if (answered)
        return route.continue()
      answered = true
      await route.fetch() // the server has stored the batch…
      await server.kill() // …and crashes before it can answer
      await route.abort('connectionreset')
    })
    await context.setOffline(false)
    await expect.poll(() => answered, { timeout: 15_000 }).toBe(true)
    await expect.poll(() => triedRows(page), { timeout: 10_000 }).toBe(batch1.length + batch2.length)
    await context.setOffline(true)
    await server.restart()
    // Both batches went in that one push (500 rows): the server stored them all, the client heard nothing.
    expect((await serverIds(server, 'chen')).length).toBe(batch1.length + batch2.length)
    expect((await localSyncRows(page)).outbox).toHaveLength(batch1.length + batch2.length)
    await context.unrouteAll()

    // The client retries everything it has not heard back about; the server keeps one copy of each.
    await context.setOffline(false)
    await page.goto(`${server.url}/`)
    await expect.poll(() => chipText(page), { timeout: 30_000 }).toBe('已同步')
    const local = await localSyncRows(page)
    expect(local.outbox).toEqual([])
    expect(local.checkins.every(c => c.syncState === 'synced')).toBe(true)
    const stored = await serverIds(server, 'chen')
    expect(stored.length).toBe(batch1.length + batch2.length)
    expect(new Set(stored).size).toBe(stored.length)
    expect([...stored].sort()).toEqual([...batch1, ...batch2].sort())
    await context.close()
  })

  it('loses nothing and duplicates nothing when the network flaps during sync', async () => {
    const { page, pointIds } = await signedInPage('zhou')
    const context = page.context()
    await context.setOffline(true)
    const ids = await addCheckinsDirectly(page, pointIds, 120, '断续网络')

    let pushes = 0
    // The context's requests, the service worker's among them: Background Sync may push before the page does.
    context.on('request', (request) => {
      if (request.url().endsWith('/api/sync/push'))
        pushes++
    })
    for (let i = 0; i < 6; i++) {
      await context.setOffline(false)
      await page.waitForTimeout(40 + i * 30)
      await context.setOffline(true)
      await page.waitForTimeout(60)
    }
    await context.setOffline(false)
    // The rows were written past Dexie, so the chip cannot see them until a run touches the outbox: under load it may
    // still say 已同步 from before they were added. Wait for the outbox itself to drain, then for the chip.
    await expect.poll(async () => (await localSyncRows(page)).outbox.length, { timeout: 30_000 }).toBe(0)
    await expect.poll(() => page.getByTestId('sync-state-text').textContent(), { timeout: 30_000 }).toBe('已同步')
    expect(pushes).toBeGreaterThanOrEqual(1)
    const stored = await serverIds(server, 'zhou')
    expect([...stored].sort()).toEqual([...ids].sort())
    await context.close()
  })
})
