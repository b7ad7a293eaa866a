import type { Browser } from 'playwright-core'
import type { SyncServer } from './support/sync-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, PHONE, waitForHomeData, waitForServiceWorker } from './support/browser'
import { e2ePort } from './support/env'
import { cameraJpeg, readPhotos } from './support/photo-fixtures'
import { signInOnMe } from './support/sync-actions'
import { apiLogin, apiPullAll, readIdb, startSyncServer } from './support/sync-server'

describe('佐证 photos: the server SIGKILLed mid-upload', () => {
  let browser: Browser
  let server: SyncServer
  beforeAll(async () => {
    ;[browser, server] = await Promise.all([launchBrowser(), startSyncServer(e2ePort(28), [{ name: 'zhou', unit: '娄底市政务服务中心' }])])
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await server?.dispose()
  })

  it('stores the check-in once and each of its 3 photos once after a crash and restart', async () => {
    const context = await browser.newContext(PHONE)
    const page = await context.newPage()
    await page.goto(server.url)
    await waitForServiceWorker(page)
    await waitForHomeData(page)
    await signInOnMe(page, server.url, 'zhou')
    const pointId = (await readIdb<{ id: string }>(page, 'points'))[5]!.id
    const files = await Promise.all([7, 8, 9].map(seed => cameraJpeg(page, seed)))

    await page.goto(`${server.url}/point/${pointId}`)
    await context.setOffline(true)
    await page.locator(`article[data-point="${pointId}"]`).getByTestId('checkin-open').click()
    const form = page.getByTestId('checkin-form')
    await form.getByTestId('photo-gallery').setInputFiles(files.map((buffer, i) => ({ name: `IMG_${i}.jpg`, mimeType: 'image/jpeg', buffer })))
    await expect.poll(() => form.getByTestId('photo-thumb').count(), { timeout: 60_000 }).toBe(3)
    await expect.poll(() => form.getByTestId('checkin-save').isEnabled(), { timeout: 30_000 }).toBe(true)
    await form.locator('textarea').fill('断电前的打卡')
    await form.getByTestId('checkin-save').click()
    await form.waitFor({ state: 'detached' })
    await page.reload()
    await page.locator(`article[data-point="${pointId}"]`).waitFor()

    // The page's and the service worker's requests: the server dies as the first photo goes up.
    let puts = 0
    let killed: Promise<void> | undefined
    context.on('request', (request) => {
      if (request.method() !== 'PUT' || !request.url().includes('/api/photos/'))
        return
      puts++
      killed ??= server.kill()
    })
    await context.setOffline(false)
    await expect.poll(() => killed !== undefined, { timeout: 30_000 }).toBe(true)
    await killed
    const states = (await readPhotos(page)).map(p => p.state)
    expect(states.filter(s => s === 'pending').length).toBeGreaterThanOrEqual(1) // the unanswered one waits
    await server.restart()

    // The next run (a reload starts one) sends what was not answered; the server keeps one copy of each.
    await page.reload()
    await expect.poll(async () => (await readPhotos(page)).map(p => p.state), { timeout: 60_000 }).toEqual(['uploaded', 'uploaded', 'uploaded'])
    expect(puts).toBeGreaterThanOrEqual(4) // the killed upload was sent again
    const mine = (await apiPullAll(server.url, await apiLogin(server.url, 'zhou'))).checkins.filter(c => c.note === '断电前的打卡')
    expect(mine).toHaveLength(1)
    const hashes = (await readPhotos(page)).sort((a, b) => a.position - b.position).map(p => p.hash)
    expect(mine[0]!.photos).toEqual(hashes)
    expect(new Set(hashes).size).toBe(3)
    await context.close()
  }, 240_000)
})
