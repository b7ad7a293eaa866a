import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core'
import type { SyncServer } from './support/sync-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, PHONE, waitForHomeData, waitForServiceWorker } from './support/browser'
import { e2ePort } from './support/env'
import { cameraJpeg, readPhotos } from './support/photo-fixtures'
import { localSyncRows, signInOnMe } from './support/sync-actions'
import { apiLogin, apiPullAll, readIdb, startSyncServer } from './support/sync-server'

const UNIT = '娄底市政务服务中心'
const OTHER_UNIT = '长沙市数据资源局'

/** Counts the context's photo uploads, the service worker's among them (Background Sync may upload too). */
function countUploads(context: BrowserContext): { puts: number } {
  const seen = { puts: 0 }
  context.on('request', (request) => {
    if (request.method() === 'PUT' && request.url().includes('/api/photos/'))
      seen.puts++
  })
  return seen
}

/** What the origin stores now, in bytes, as the browser counts it against the quota. */
async function usage(page: Page): Promise<number> {
  return page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0)
}

/**
 * Overrides the origin's storage quota (`origin` as Chromium writes it: scheme, host and port, no slash). Chromium's
 * IndexedDB keeps the space left for up to 30 s before it asks the quota again, so a lower quota binds only after
 * that: the wait is what makes the next write meet the new quota rather than the one IndexedDB opened with. A
 * higher quota needs no wait (a write beyond the space kept makes IndexedDB ask again).
 */
async function setQuota(cdp: CDPSession, origin: string, quotaSize: number, lowered = quotaSize < 2 ** 30): Promise<void> {
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(origin).origin, quotaSize })
  if (lowered)
    await new Promise(resolve => setTimeout(resolve, 31_000))
}

/** Opens the 打卡 sheet of `pointId`, adds `files` through the gallery input and waits for their thumbnails. */
async function openSheetWithPhotos(page: Page, pointId: string, files: Buffer[], note: string) {
  const card = page.locator(`article[data-point="${pointId}"]`)
  await card.getByTestId('checkin-open').click()
  const form = page.getByTestId('checkin-form')
  await form.waitFor()
  await form.getByTestId('photo-gallery').setInputFiles(files.map((buffer, i) => ({ name: `IMG_${i}.jpg`, mimeType: 'image/jpeg', buffer })))
  await expect.poll(() => form.getByTestId('photo-thumb').count(), { timeout: 60_000 }).toBe(files.length)
  await expect.poll(() => form.getByTestId('checkin-save').isEnabled(), { timeout: 30_000 }).toBe(true)
  await form.locator('textarea').fill(note)
  return form
}

describe('佐证 photos: offline check-in with photos, upload, colleagues, limits', () => {
  let browser: Browser
  let server: SyncServer
  beforeAll(async () => {
    ;[browser, server] = await Promise.all([
      launchBrowser(),
      startSyncServer(e2ePort(27), [{ name: 'chen', unit: UNIT }, { name: 'liu', unit: UNIT }, { name: 'wang', unit: OTHER_UNIT }]),
    ])
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await server?.dispose()
  })

  async function signedInPage(name: string): Promise<{ page: Page, pointId: string }> {
    const context = await browser.newContext(PHONE)
    const page = await context.newPage()
    await page.goto(server.url)
    await waitForServiceWorker(page)
    await waitForHomeData(page)
    await signInOnMe(page, server.url, name)
    const pointId = (await readIdb<{ id: string }>(page, 'points'))[3]!.id
    return { page, pointId }
  }

  it('keeps 3 photos taken offline across a reload, uploads each once, strips EXIF, and shows them to colleagues only', async () => {
    const { page, pointId } = await signedInPage('chen')
    const context = page.context()
    const uploads = countUploads(context)
    const files = await Promise.all([1, 2, 3].map(seed => cameraJpeg(page, seed)))
    expect(files.every(f => f.includes('Exif\0\0', 0, 'latin1') && f.length > 400_000)).toBe(true)

    await page.goto(`${server.url}/point/${pointId}`)
    await context.setOffline(true)
    const form = await openSheetWithPhotos(page, pointId, files, '现场核查，附照片')
    await form.getByTestId('checkin-save').click()
    await form.waitFor({ state: 'detached' })

    // Stored as compressed JPEGs within the limits, EXIF (GPS with it) gone, the camera's orientation applied.
    const stored = await readPhotos(page, true)
    expect(stored).toHaveLength(3)
    for (const photo of stored) {
      const bytes = Buffer.from(photo.bytes)
      expect([bytes[0], bytes[1]]).toEqual([0xFF, 0xD8])
      expect(bytes.includes('Exif', 0, 'latin1')).toBe(false)
      expect(bytes.includes(Buffer.from([0xFF, 0xE1]))).toBe(false) // no APP1 segment at all
      expect(photo.size).toBeLessThanOrEqual(400_000)
      expect(Math.max(photo.width, photo.height)).toBeLessThanOrEqual(1600)
      expect(photo.height).toBeGreaterThan(photo.width) // Orientation 6: the landscape sensor image stands upright
      expect(photo.thumbSize).toBeLessThan(photo.size)
      expect(photo.state).toBe('pending')
      expect(photo.owner).toBe('chen')
    }
    expect(new Set(stored.map(p => p.hash)).size).toBe(3)

    // 我的 counts them while offline, and a reload keeps everything.
    await page.getByRole('link', { name: '我的', exact: true }).click()
    await expect.poll(() => page.getByTestId('photo-pending').textContent()).toBe('3')
    await page.reload()
    await page.getByTestId('photo-upload-status').waitFor()
    expect(await readPhotos(page)).toHaveLength(3)
    expect(uploads.puts).toBe(0)

    await context.setOffline(false)
    await expect.poll(async () => (await readPhotos(page)).map(p => p.state), { timeout: 60_000 }).toEqual(['uploaded', 'uploaded', 'uploaded'])
    await expect.poll(async () => (await localSyncRows(page)).outbox, { timeout: 30_000 }).toEqual([])
    await expect.poll(() => page.getByTestId('photo-upload-status').count()).toBe(0)

    // The server holds the check-in once, with the three photos once each, in order.
    const mine = (await apiPullAll(server.url, await apiLogin(server.url, 'chen'))).checkins.filter(c => c.note === '现场核查，附照片')
    expect(mine).toHaveLength(1)
    const hashes = [...stored].sort((a, b) => a.position - b.position).map(p => p.hash)
    expect(mine[0]!.photos).toEqual(hashes)

    // A colleague of the same unit sees them on the card; the bytes are the ones the phone compressed.
    const colleague = await signedInPage('liu')
    await colleague.page.goto(`${server.url}/point/${pointId}`)
    const unitView = colleague.page.locator(`article[data-point="${pointId}"]`).getByTestId('unit-checkins')
    await unitView.waitFor({ timeout: 20_000 })
    const images = unitView.locator('li[data-author="chen"] [data-testid="remote-photo"] img')
    await expect.poll(() => images.count(), { timeout: 20_000 }).toBe(3)
    await expect.poll(() => images.evaluateAll(imgs => imgs.every(img => (img as HTMLImageElement).naturalWidth > 0))).toBe(true)
    // Cached for offline viewing: a reload without network still shows them.
    await colleague.page.context().setOffline(true)
    await colleague.page.reload()
    await expect.poll(() => colleague.page.locator(`article[data-point="${pointId}"] [data-testid="remote-photo"] img`).count(), { timeout: 20_000 }).toBe(3)

    // Someone of another unit, or nobody, gets nothing for the same URLs.
    const outsider = await apiLogin(server.url, 'wang')
    const colleagueToken = await apiLogin(server.url, 'liu')
    for (const [i, hash] of hashes.entries()) {
      const allowed = await fetch(`${server.url}/api/photos/${hash}`, { headers: { Authorization: `Bearer ${colleagueToken}` } })
      expect(allowed.status).toBe(200)
      expect(allowed.headers.get('cache-control')).toContain('private')
      expect(Buffer.from(await allowed.arrayBuffer()).equals(Buffer.from(stored.find(p => p.position === i)!.bytes))).toBe(true)
      expect((await fetch(`${server.url}/api/photos/${hash}`, { headers: { Authorization: `Bearer ${outsider}` } })).status).toBe(404)
      expect((await fetch(`${server.url}/api/photos/${hash}`)).status).toBe(401)
    }
    await colleague.page.context().close()
    await context.close()
  }, 240_000)

  it('says the storage is full in words and keeps the check-in text, saving nothing half-way', async () => {
    const { page, pointId } = await signedInPage('chen')
    const files = await Promise.all([4, 5, 6].map(seed => cameraJpeg(page, seed)))
    await page.goto(`${server.url}/point/${pointId}`)
    const form = await openSheetWithPhotos(page, pointId, files, '空间不足时的打卡')
    const before = await localSyncRows(page)

    // The origin's real quota, a little above what it uses now: the photos' Blobs (with the check-in, one
    // transaction) no longer fit, and Chromium's IndexedDB itself refuses the write with QuotaExceededError.
    const cdp = await page.context().newCDPSession(page)
    await setQuota(cdp, server.url, (await usage(page)) + 64_000)
    await form.getByTestId('checkin-save').click()
    const error = form.getByTestId('checkin-error')
    await error.waitFor({ timeout: 20_000 })
    expect(await error.textContent()).toContain('存储空间不足')
    expect(await form.locator('textarea').inputValue()).toBe('空间不足时的打卡')
    expect(await form.getByTestId('photo-thumb').count()).toBe(3)
    const after = await localSyncRows(page)
    expect(after.checkins.length).toBe(before.checkins.length)
    expect(after.outbox.length).toBe(before.outbox.length)
    expect(await readPhotos(page)).toHaveLength(0)

    // Space again: the same form saves all of it.
    await setQuota(cdp, server.url, 2 ** 30)
    await form.getByTestId('checkin-save').click()
    await form.waitFor({ state: 'detached' })
    expect((await localSyncRows(page)).checkins.filter(c => c.note === '空间不足时的打卡')).toHaveLength(1)
    expect(await readPhotos(page)).toHaveLength(3)
    await page.context().close()
  }, 180_000)
})
