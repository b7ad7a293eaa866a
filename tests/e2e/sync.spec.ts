import type { Browser, Page } from 'playwright-core'
import type { SyncServer } from './support/sync-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, normalizeText, PHONE, waitForHomeData, waitForServiceWorker } from './support/browser'
import { e2ePort } from './support/env'
import { smallTargets, textMetrics } from './support/measure'
import { checkInOnCurrentCard, chipState, chipText, localSyncRows, openThemeDeck, signInOnMe } from './support/sync-actions'
import { apiLogin, apiLogout, apiPullAll, readIdb, startSyncServer } from './support/sync-server'

const UNIT = '长沙市政务服务中心'

describe('sync: sign-in, offline changes, second device, 401', () => {
  let browser: Browser
  let server: SyncServer
  beforeAll(async () => {
    ;[browser, server] = await Promise.all([
      launchBrowser(),
      startSyncServer(e2ePort(10), [{ name: 'zhang', unit: UNIT }, { name: 'zhao', unit: UNIT }, { name: 'li', unit: UNIT }, { name: 'wang', unit: '娄底市政务服务中心' }, { name: 'sun', unit: UNIT }]),
    ])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.dispose()
  })

  async function freshPage(): Promise<Page> {
    const context = await browser.newContext(PHONE)
    const page = await context.newPage()
    await page.goto(server.url)
    await waitForServiceWorker(page)
    await waitForHomeData(page)
    return page
  }

  async function home(page: Page): Promise<void> {
    await page.getByRole('link', { name: '首页', exact: true }).click()
    await page.getByTestId('sync-chip').waitFor()
  }

  it('syncs five check-ins and a favorite made offline, exactly, to the server and to a second device; colleagues see them read-only', async () => {
    const page = await freshPage()
    expect(await chipState(page)).toEqual({ icon: 'phone', text: '未登录 · 仅存本机' })
    await signInOnMe(page, server.url, 'zhang')
    expect(normalizeText(await page.getByTestId('account-unit').textContent())).toBe(UNIT)
    await expect.poll(() => page.getByTestId('sync-state-text').textContent().then(normalizeText)).toBe('已同步')
    expect(normalizeText(await page.getByTestId('sync-state-detail').textContent())).toMatch(/^上次同步 \d+月\d+日 \d\d:\d\d$/)

    // Offline: five check-ins on three cards and a favorite.
    await page.context().setOffline(true)
    await openThemeDeck(page, server.url)
    const pointIds: string[] = []
    for (let i = 1; i <= 5; i++) {
      pointIds.push(await checkInOnCurrentCard(page, `离线打卡 ${i}`, i === 5 ? 'done' : 'in_progress'))
      if (i < 3)
        await page.getByTestId('deck-next').click()
    }
    const favoritePoint = pointIds[4]!
    await page.locator(`.deck__slot[data-current="true"] article[data-point="${favoritePoint}"]`).getByTestId('favorite').click()
    await home(page)
    await expect.poll(() => chipState(page)).toEqual({ icon: 'cloud-off', text: '离线 · 待同步 6 条' })

    // A reload while offline keeps all six waiting.
    await page.reload()
    await page.getByTestId('sync-chip').waitFor()
    await expect.poll(() => chipText(page)).toBe('离线 · 待同步 6 条')
    expect((await localSyncRows(page)).outbox).toHaveLength(6)

    await page.context().setOffline(false)
    await expect.poll(() => chipState(page), { timeout: 20_000 }).toEqual({ icon: 'check', text: '已同步' })
    const local = await localSyncRows(page)
    expect(local.outbox).toEqual([])
    expect(local.checkins.map(c => c.syncState)).toEqual(Array.from({ length: 5 }, () => 'synced'))

    // The server holds exactly these five and the favorite.
    const held = await apiPullAll(server.url, await apiLogin(server.url, 'zhang'))
    expect(held.checkins.every(c => c.mine)).toBe(true)
    expect(held.checkins.map(c => c.id).sort()).toEqual(local.checkins.map(c => c.id).sort())
    expect(held.checkins.map(c => c.note).sort()).toEqual(['离线打卡 1', '离线打卡 2', '离线打卡 3', '离线打卡 4', '离线打卡 5'])
    expect(held.favorites).toEqual([expect.objectContaining({ pointId: favoritePoint, on: true })])

    // A second device signed in as the same user gets the history and the favorite.
    const second = await freshPage()
    await signInOnMe(second, server.url, 'zhang')
    await second.getByRole('link', { name: '收藏', exact: true }).click()
    await second.locator(`.favorites__list [data-point="${favoritePoint}"]`).waitFor()
    await second.goto(`${server.url}/point/${favoritePoint}`)
    const card = second.locator(`article[data-point="${favoritePoint}"]`)
    expect(normalizeText(await card.locator('.checkin-history__summary').textContent())).toBe('打卡记录（3）')
    expect(await card.locator('.checkin-history__owner').allTextContents()).toEqual(['zhang', 'zhang', 'zhang'])
    expect(normalizeText(await card.locator('.checkin-history__list').textContent())).toContain('离线打卡 5')
    expect(normalizeText(await card.getByTestId('latest-checkin').textContent())).toContain('已完成 · 100%')
    expect(await card.getByTestId('unit-checkins').count()).toBe(0) // one's own check-ins are not "colleagues"

    // A colleague of the same unit sees zhang's latest on the card, read-only; someone from another unit does not.
    const colleague = await freshPage()
    await signInOnMe(colleague, server.url, 'zhao')
    await colleague.goto(`${server.url}/point/${favoritePoint}`)
    const unitView = colleague.locator(`article[data-point="${favoritePoint}"]`).getByTestId('unit-checkins')
    await unitView.waitFor()
    expect(await unitView.locator('li').count()).toBe(1)
    expect(normalizeText(await unitView.locator('li[data-author="zhang"]').textContent())).toMatch(/^zhang\s*已完成 · 100%\s*\d+月\d+日 \d\d:\d\d\s*离线打卡 5$/)
    expect(await colleague.locator(`article[data-point="${favoritePoint}"] .checkin-history__summary`).count()).toBe(0)
    const outsider = await freshPage()
    await signInOnMe(outsider, server.url, 'wang')
    await outsider.goto(`${server.url}/point/${favoritePoint}`)
    await outsider.locator(`article[data-point="${favoritePoint}"]`).waitFor()
    expect(await outsider.getByTestId('unit-checkins').count()).toBe(0)

    for (const p of [page, second, colleague, outsider])
      await p.context().close()
  })

  it('keeps the outbox on a 401, shows 请重新登录, and drains it after signing in again', async () => {
    const page = await freshPage()
    await signInOnMe(page, server.url, 'li')
    const meta = await readIdb<{ key: string, value: { token: string } }>(page, 'meta')
    const token = meta.find(m => m.key === 'session')!.value.token
    expect(await apiLogout(server.url, token)).toBe(200) // revoked server-side, as from another device or by an admin

    await openThemeDeck(page, server.url)
    await checkInOnCurrentCard(page, '令牌失效后的打卡 1')
    await home(page)
    await expect.poll(() => chipText(page), { timeout: 15_000 }).toBe('请重新登录')
    await openThemeDeck(page, server.url)
    await checkInOnCurrentCard(page, '令牌失效后的打卡 2')
    let local = await localSyncRows(page)
    expect(local.outbox.map(r => r.state)).toEqual(['pending', 'pending'])

    await page.getByRole('link', { name: '我的', exact: true }).click()
    await expect.poll(() => page.getByTestId('sync-state-detail').textContent().then(normalizeText)).toBe('登录已失效，2 条记录等待同步')
    expect(normalizeText(await page.getByTestId('sign-in-again').textContent())).toContain('li 的登录已失效')
    expect(await page.getByTestId('sign-in-name').inputValue()).toBe('li')
    // A wrong password is said in words and changes nothing.
    await page.getByTestId('sign-in-password').fill('not-the-password')
    await page.getByTestId('sign-in-submit').click()
    await expect.poll(() => page.getByTestId('sign-in-error').textContent().then(normalizeText)).toContain('用户名或密码不正确')
    expect((await localSyncRows(page)).outbox).toHaveLength(2)

    await signInOnMe(page, server.url, 'li')
    await expect.poll(() => page.getByTestId('sync-state-text').textContent().then(normalizeText), { timeout: 15_000 }).toBe('已同步')
    local = await localSyncRows(page)
    expect(local.outbox).toEqual([])
    const held = await apiPullAll(server.url, await apiLogin(server.url, 'li'))
    expect(held.checkins.filter(c => c.mine).map(c => c.note).sort()).toEqual(['令牌失效后的打卡 1', '令牌失效后的打卡 2'])
    await page.context().close()
  })

  it('shows a change the server refused on 我的, with its reason, until the user dismisses it (in 长辈模式)', async () => {
    const page = await freshPage()
    await page.getByTestId('elder-toggle').click()
    await page.getByRole('link', { name: '我的', exact: true }).click()
    await page.getByTestId('sign-in-form').waitFor()
    expect(await smallTargets(page, '[data-testid="me-sync"]', 60)).toEqual([])
    expect((await textMetrics(page, '.sync-sign-in__hint')).fontSize).toBeGreaterThanOrEqual(18)
    await signInOnMe(page, server.url, 'wang')
    // A check-in for a point the server does not know (as after the point was withdrawn), written the way the app
    // writes one: the check-in and its outbox row.
    const ids = await page.evaluate(() => new Promise<{ checkin: string, mutation: string }>((resolve, reject) => {
      const open = indexedDB.open('yaodiantong')
      open.onerror = () => reject(open.error)
      open.onsuccess = () => {
        const checkinId = crypto.randomUUID()
        const mutationId = crypto.randomUUID()
        const now = new Date()
        const checkin = { id: checkinId, pointId: 'withdrawn-point-1', status: 'blocked', progress: 40, note: '', createdAt: now.toISOString(), deviceId: 'e2e-device' }
        const tx = open.result.transaction(['checkins', 'outbox'], 'readwrite')
        tx.objectStore('checkins').put({ ...checkin, syncState: 'pending' })
        tx.objectStore('outbox').put({ id: mutationId, mutation: { id: mutationId, kind: 'checkin.create', checkin }, createdAt: now.toISOString(), attempts: 0, nextAttemptAt: now.getTime(), state: 'pending' })
        tx.oncomplete = () => resolve({ checkin: checkinId, mutation: mutationId })
        tx.onerror = () => reject(tx.error)
      }
    }))
    await page.getByTestId('sync-now').click()
    const item = page.locator(`[data-rejected="${ids.mutation}"]`)
    await item.waitFor({ timeout: 15_000 })
    expect(await item.locator('p').allTextContents().then(texts => texts.map(normalizeText))).toEqual([
      '要点已不在本机数据中（withdrawn-point-1）',
      '打卡：有困难 · 40%',
      '原因：要点不存在（可能已被撤下）',
    ])
    // 长辈模式: every control of the sync card (立即同步, 退出登录, 知道了) is at least 60×60, the words at least 18px.
    expect(await smallTargets(page, '[data-testid="me-sync"]', 60)).toEqual([])
    for (const selector of ['.sync-summary__detail', '.sync-rejected__reason', '.sync-rejected__what'])
      expect((await textMetrics(page, selector)).fontSize, selector).toBeGreaterThanOrEqual(18)
    // Not retried, not counted as waiting.
    expect(normalizeText(await page.getByTestId('me-unsynced').locator('strong').textContent())).toBe('0 条')

    await item.getByRole('button', { name: /^知道了/ }).click()
    await page.getByTestId('rejected-changes').waitFor({ state: 'detached' })
    const local = await localSyncRows(page)
    expect(local.outbox).toEqual([])
    expect(local.checkins.find(c => c.id === ids.checkin)).toMatchObject({ syncState: 'rejected' })
    await page.context().close()
  })

  it('drains the outbox from the service worker on a Background Sync event, with no page open', async () => {
    const page = await freshPage()
    await signInOnMe(page, server.url, 'sun')
    await page.context().setOffline(true)
    await openThemeDeck(page, server.url)
    await checkInOnCurrentCard(page, '后台同步的打卡')
    // A change made offline asks the browser for a Background Sync.
    await expect.poll(() => page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready as ServiceWorkerRegistration & { sync: { getTags: () => Promise<string[]> } }
      return registration.sync.getTags()
    })).toContain('yaodiantong-outbox')

    // The user leaves the app; the network comes back; the browser fires the sync event at the worker.
    const cdp = await page.context().newCDPSession(page)
    const registrationId = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const ours = registrations.find(r => r.scopeURL.startsWith(server.url) && !r.isDeleted)
        if (ours)
          resolve(ours.registrationId)
      })
    })
    await cdp.send('ServiceWorker.enable')
    const id = await registrationId
    await page.goto('about:blank')
    await page.context().setOffline(false)
    await cdp.send('ServiceWorker.dispatchSyncEvent', { origin: server.url, registrationId: id, tag: 'yaodiantong-outbox', lastChance: false })
    await expect.poll(async () => (await apiPullAll(server.url, await apiLogin(server.url, 'sun'))).checkins.filter(c => c.mine).map(c => c.note), { timeout: 15_000, interval: 1_000 })
      .toEqual(['后台同步的打卡'])

    // Back in the app, the worker's run is what it shows.
    await page.goto(server.url)
    await expect.poll(() => chipText(page)).toBe('已同步')
    expect((await localSyncRows(page)).outbox).toEqual([])
    await page.context().close()
  })
})
