import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, normalizeText, PHONE, recordErrors, waitForHomeData, waitForServiceWorker } from './support/browser'
import { BASE_URL, e2ePort } from './support/env'

// Issue 12, deadline reminders: a favorited point due in two days reminds once that day, by notification (from the
// service worker's periodic sync, or at start) or, in 长辈模式, by a banner on 首页 only. Playwright's fixed clock
// reaches pages, not the service worker: the notification test runs on today's date with the point's deadline
// moved to two days from now; the 长辈模式 test fixes the clock two days before the first 2023 deadlines
// (6月份前 → 2023-06-30).
void e2ePort(30) // this spec's port (it needs no server of its own)

const NOW = '2023-06-28T09:00:00+08:00'
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

type TestPage = Page & { errors: string[] }

async function freshPage(options: { elder?: boolean, now?: string } = {}): Promise<TestPage> {
  const context = await browser.newContext(PHONE)
  if (options.now)
    await context.clock.setFixedTime(new Date(options.now))
  // Allowed even in 长辈模式, to show that it still never pops up a notification.
  await context.grantPermissions(['notifications'], { origin: BASE_URL })
  if (options.elder)
    await context.addInitScript(() => localStorage.setItem('ydt:elder-mode', 'true'))
  const page = await context.newPage()
  const errors = recordErrors(page)
  await page.goto(BASE_URL)
  await waitForHomeData(page)
  await waitForServiceWorker(page)
  return Object.assign(page, { errors })
}

/** The first point 临近截止 lists (in the stored data). */
async function firstDue(page: Page): Promise<{ id: string, badge: string }> {
  const first = page.locator('[data-testid="due-list"] .point-item').first()
  await first.waitFor()
  return { id: (await first.getAttribute('data-point'))!, badge: normalizeText(await first.locator('.deadline-badge').textContent()) }
}

/** Moves a stored point's deadline (the app reads it from IndexedDB; the plan data stays as shipped). */
function setDeadline(page: Page, id: string, date: string): Promise<void> {
  return page.evaluate(({ id, date }) => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('yaodiantong')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const tx = open.result.transaction('points', 'readwrite')
      const store = tx.objectStore('points')
      const get = store.get(id)
      get.onsuccess = () => store.put({ ...get.result, deadline: date, deadlines: [{ text: '测试时限', date }] })
      tx.oncomplete = () => {
        open.result.close()
        resolve()
      }
      tx.onerror = () => reject(tx.error)
    }
  }), { id, date })
}

/** YYYY-MM-DD in China, `days` from now. */
function chinaDay(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)
}

async function favorite(page: Page, id: string): Promise<void> {
  await page.goto(`${BASE_URL}/point/${id}`)
  const favorite = page.locator('[data-testid="point-detail"]').getByTestId('favorite')
  await favorite.click()
  await expect.poll(() => favorite.getAttribute('aria-pressed')).toBe('true')
}

async function turnOnReminders(page: Page): Promise<string> {
  await page.goto(`${BASE_URL}/me`)
  const settings = page.getByTestId('reminder-settings')
  await settings.waitFor()
  const toggle = settings.getByTestId('reminder-switch')
  expect(await toggle.getAttribute('aria-checked')).toBe('false') // opt-in: off by default
  await toggle.click()
  await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true')
  expect(await settings.locator('[data-lead="3"]').getAttribute('aria-checked')).toBe('true')
  const notice = settings.getByTestId('reminder-notice')
  await expect.poll(() => notice.textContent().then(normalizeText)).not.toMatch(/^开启后/)
  return normalizeText(await notice.textContent())
}

async function notifications(page: Page): Promise<{ title: string, body: string, path: string }[]> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready
    return (await registration.getNotifications({ tag: 'ydt-reminder' }))
      .map(n => ({ title: n.title, body: n.body, path: (n.data as { path: string }).path }))
  })
}

/** Reloads 首页 and waits until its once-a-day check is over. */
async function startAgain(page: Page): Promise<void> {
  await page.goto(BASE_URL)
  await waitForHomeData(page)
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.reminderCheck), { timeout: 10_000 }).toBe('done')
}

/** Fires the service worker's Periodic Background Sync, as Chromium does for an installed app. */
async function firePeriodicSync(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page)
  const registered = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const live = registrations.find(r => !r.isDeleted && r.scopeURL.startsWith(BASE_URL))
      if (live)
        resolve(live.registrationId)
    })
  })
  await cdp.send('ServiceWorker.enable')
  const registrationId = await registered
  await cdp.send('ServiceWorker.dispatchPeriodicSyncEvent', { origin: BASE_URL, registrationId, tag: 'ydt-reminders' })
  await cdp.detach()
}

describe('deadline reminders', () => {
  it('notify once a day: from the service worker, then not again at start the same day', async () => {
    const page = await freshPage()
    const { id } = await firstDue(page)
    await setDeadline(page, id, chinaDay(2))
    await favorite(page, id)
    expect(await turnOnReminders(page)).toMatch(/^已开启/)
    expect(await notifications(page)).toEqual([])

    await firePeriodicSync(page.context(), page)
    await expect.poll(() => notifications(page).then(n => n.length), { timeout: 10_000 }).toBe(1)
    const [shown] = await notifications(page)
    expect(shown!.title).toBe('要点通 · 1 条要点临近截止')
    expect(shown!.body).toMatch(/^2 天后到期：/)
    expect(shown!.path).toBe(`/list?kind=ids&ids=${id}`)

    // Cleared from the tray; a start the same day neither notifies again nor shows the banner.
    await page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).forEach(n => n.close()))
    await startAgain(page)
    expect(await notifications(page)).toEqual([])
    expect(await page.getByTestId('reminder-banner').count()).toBe(0)
    // Nor does another periodic sync.
    await firePeriodicSync(page.context(), page)
    await page.waitForTimeout(500)
    expect(await notifications(page)).toEqual([])

    // The next day (in China) it reminds again, at start: the point is now due tomorrow.
    await page.context().clock.setFixedTime(new Date(Date.now() + 86_400_000))
    await startAgain(page)
    await expect.poll(() => notifications(page).then(n => n.map(x => x.body.split('\n')[0]!.slice(0, 5))), { timeout: 10_000 }).toEqual(['明天到期：'])
    expect(await page.getByTestId('reminder-banner').count()).toBe(0)
    expect(page.errors).toEqual([])
    await page.context().close()
  })

  it('in 长辈模式 show a banner on 首页 once, never a notification, and open the list of those points', async () => {
    const page = await freshPage({ elder: true, now: NOW })
    const { id, badge } = await firstDue(page)
    expect(badge).toContain('剩 2 天')
    await favorite(page, id)
    expect(await turnOnReminders(page)).toMatch(/^长辈模式下不弹出通知/)
    await firePeriodicSync(page.context(), page)

    await startAgain(page)
    const banner = page.getByTestId('reminder-banner')
    await banner.waitFor()
    expect(normalizeText(await banner.textContent())).toContain('今天有 1 条要点临近截止')
    expect(await notifications(page)).toEqual([])
    // Big enough to tap in 长辈模式.
    expect((await banner.getByTestId('reminder-banner-open').boundingBox())!.height).toBeGreaterThanOrEqual(60)

    await banner.getByTestId('reminder-banner-open').click()
    await page.waitForURL(/\/list\?/)
    const url = new URL(page.url())
    expect(url.searchParams.get('kind')).toBe('ids')
    expect(url.searchParams.get('ids')).toBe(id)
    await page.locator(`[data-point="${id}"]`).first().waitFor()

    await startAgain(page)
    expect(await page.getByTestId('reminder-banner').count()).toBe(0)
    expect(await notifications(page)).toEqual([])
    expect(page.errors).toEqual([])
    await page.context().close()
  })
})
