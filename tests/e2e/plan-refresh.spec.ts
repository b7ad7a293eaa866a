import type { Browser } from 'playwright-core'
import type { Plan } from '../../src/domain/plan'
import type { PlanManifest } from '../../src/domain/plan-manifest'
import type { SyncServer } from './support/sync-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, PHONE, waitForHomeData, waitForServiceWorker } from './support/browser'
import { e2ePort } from './support/env'
import { checkInOnCurrentCard, openThemeDeck } from './support/sync-actions'
import { apiLogin, readIdb, startSyncServer } from './support/sync-server'

// Per-plan refresh in Chromium against the real server: after an admin republishes one plan, the phone fetches the
// manifest and that plan only, stores it in IndexedDB, and keeps its check-in and outbox row.

describe('per-plan refresh in the browser', () => {
  let browser: Browser
  let server: SyncServer
  beforeAll(async () => {
    ;[browser, server] = await Promise.all([launchBrowser(), startSyncServer(e2ePort(16), [{ name: 'admin', unit: '省政务局', admin: true }])])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.dispose()
  })

  it('fetches only the republished plan and keeps the check-in made before', async () => {
    const context = await browser.newContext(PHONE)
    const page = await context.newPage()
    const requests: string[] = []
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname
      if (path.startsWith('/api/plans') || path === '/api/themes')
        requests.push(`${path} ${r.status()}`)
    })
    await page.goto(server.url)
    await waitForServiceWorker(page)
    await waitForHomeData(page)
    await expect.poll(() => requests, { timeout: 20_000 }).toEqual(['/api/plans/manifest 200'])
    await openThemeDeck(page, server.url)
    const pointId = await checkInOnCurrentCard(page, '推进中的一次打卡')
    const outbox = await readIdb(page, 'outbox')
    expect(outbox).toHaveLength(1)

    const manifest = await (await fetch(`${server.url}/api/plans/manifest`)).json() as PlanManifest
    const id = manifest.plans[0]!.id
    const plan = await (await fetch(`${server.url}/api/plans/${id}`)).json() as Plan
    const token = await apiLogin(server.url, 'admin')
    const put = await fetch(`${server.url}/api/admin/plans`, { method: 'PUT', headers: { 'Content-Type': 'application/json', 'Authorization': `Bearer ${token}` }, body: JSON.stringify({ ...plan, title: `${plan.title}（修订）` }) })
    expect(put.status).toBe(200)

    requests.length = 0
    await page.goto(server.url)
    await waitForHomeData(page)
    await expect.poll(async () => (await readIdb<{ id: string, title: string }>(page, 'plans')).find(p => p.id === id)?.title, { timeout: 30_000 }).toBe(`${plan.title}（修订）`)
    // The page's and the service worker's engines may both refresh; the second then waits and gets a 304.
    expect(requests.filter(r => !r.endsWith(' 304'))).toEqual(['/api/plans/manifest 200', `/api/plans/${id} 200`])
    expect((await readIdb<{ pointId: string }>(page, 'checkins')).map(c => c.pointId)).toEqual([pointId])
    expect(await readIdb(page, 'outbox')).toEqual(outbox)
    await context.close()
  })
})
