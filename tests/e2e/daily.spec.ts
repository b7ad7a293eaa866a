import type { Browser, Page } from 'playwright-core'
import type { SyncServer } from './support/sync-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POINT_ID } from './routes'
import { launchBrowser, normalizeText, PHONE, waitForHomeData, waitForServiceWorker } from './support/browser'
import { e2ePort } from './support/env'
import { chipState, localSyncRows, signInOnMe } from './support/sync-actions'
import { startSyncServer } from './support/sync-server'

describe('the daily flows: 打卡 that remembers, the sync chip in words, 我的', () => {
  let browser: Browser
  let server: SyncServer
  beforeAll(async () => {
    ;[browser, server] = await Promise.all([launchBrowser(), startSyncServer(e2ePort(21), [{ name: 'qian', unit: '长沙市政务服务中心' }])])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.dispose()
  })

  async function freshPage(): Promise<Page> {
    const page = await (await browser.newContext(PHONE)).newPage()
    await page.goto(server.url)
    await waitForServiceWorker(page)
    await waitForHomeData(page)
    return page
  }

  const card = (page: Page) => page.locator(`article[data-point="${POINT_ID}"]`)
  const form = (page: Page) => page.getByTestId('checkin-sheet').getByTestId('checkin-form')
  async function openSheet(page: Page) {
    await card(page).getByTestId('checkin-open').click()
    await form(page).waitFor()
  }
  async function chosen(page: Page) {
    return {
      status: await form(page).locator('[role="radio"][aria-checked="true"]').getAttribute('data-status'),
      progress: normalizeText(await form(page).locator('label strong').textContent()),
    }
  }
  async function save(page: Page) {
    await form(page).getByTestId('checkin-save').click()
    await form(page).waitFor({ state: 'detached' })
  }

  it('opens 打卡 at the latest status and progress, and asks before recording lower progress', async () => {
    const page = await freshPage()
    await page.goto(`${server.url}/point/${POINT_ID}`)
    await card(page).waitFor()

    // First check-in: nothing to start from.
    await openSheet(page)
    expect(await form(page).getByTestId('checkin-last').count()).toBe(0)
    expect(await chosen(page)).toEqual({ status: 'in_progress', progress: '50%' })
    await form(page).getByRole('button', { name: '进度 75%' }).click()
    await save(page)

    // Again: the sheet opens at 推进中 · 75%, and 有困难 keeps the 75%.
    await openSheet(page)
    expect(await chosen(page)).toEqual({ status: 'in_progress', progress: '75%' })
    expect(normalizeText(await form(page).getByTestId('checkin-last').textContent())).toMatch(/^上次打卡：推进中 · 75%（刚刚 · \d+月\d+日 \d\d:\d\d）$/)
    await form(page).locator('[data-status="blocked"]').click()
    expect(await chosen(page)).toEqual({ status: 'blocked', progress: '75%' })
    expect(await form(page).getByTestId('checkin-drop').count()).toBe(0)

    // Lower than the last one: 说明原因 or an explicit confirmation, inline; nothing saved until then.
    await form(page).getByRole('button', { name: '进度 50%' }).click()
    expect(normalizeText(await form(page).getByTestId('checkin-drop').textContent())).toBe('进度比上次的 75% 低。请写明原因，或确认进度确实回退。')
    expect(await form(page).locator('label[for$="-note"]').textContent().then(normalizeText)).toBe('说明原因')
    await form(page).getByTestId('checkin-save').click()
    expect(normalizeText(await form(page).getByTestId('checkin-error').textContent())).toContain('进度比上次（75%）低')
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA')
    expect((await localSyncRows(page)).checkins).toHaveLength(1)
    await form(page).getByTestId('checkin-confirm-drop').click()
    expect(await form(page).getByTestId('checkin-confirm-drop').getAttribute('aria-checked')).toBe('true')
    await save(page)

    // A reason in the note answers the question as well.
    await openSheet(page)
    expect(await chosen(page)).toEqual({ status: 'blocked', progress: '50%' })
    await form(page).getByRole('button', { name: '进度 25%' }).click()
    await form(page).locator('textarea').fill('上级要求调整方案，部分工作重做')
    await save(page)
    expect((await localSyncRows(page)).checkins.map(c => c.note).sort()).toEqual(['', '', '上级要求调整方案，部分工作重做'])
    expect(normalizeText(await card(page).getByTestId('latest-checkin').textContent())).toContain('有困难 · 25%')

    // 打卡记录: the latest three with who and when, the rest on demand.
    for (const v of [50, 75]) {
      await openSheet(page)
      await form(page).getByRole('button', { name: `进度 ${v}%` }).click()
      await save(page)
    }
    const history = card(page).getByTestId('checkin-history')
    await expect.poll(() => history.locator('.checkin-history__summary').textContent().then(normalizeText)).toBe('打卡记录（5）')
    expect(await history.locator('.checkin-history__item').count()).toBe(3)
    expect(await history.locator('.checkin-history__item .checkin-history__status').allInnerTexts().then(t => t.map(normalizeText))).toEqual(['有困难 · 75%', '有困难 · 50%', '有困难 · 25%'])
    expect(await history.getByTestId('checkin-owner').allTextContents()).toEqual(['本机', '本机', '本机'])
    for (const when of await history.getByTestId('checkin-when').allTextContents())
      expect(normalizeText(when)).toMatch(/^(刚刚|\d+ 分钟前) · \d+月\d+日 \d\d:\d\d$/)
    expect(await history.locator('.checkin-history__item svg[data-icon="status-blocked"]').count()).toBe(3)
    const more = history.getByTestId('checkin-history-more')
    expect(normalizeText(await more.textContent())).toBe('查看全部 5 条')
    await more.click()
    expect(await history.locator('.checkin-history__item').count()).toBe(5)
    expect(await more.getAttribute('aria-expanded')).toBe('true')
    await page.context().close()
  })

  it('tells the sync state in words: signed out, and 离线 with the count when the server cannot be reached', async () => {
    const page = await freshPage()
    expect(await chipState(page)).toEqual({ icon: 'phone', text: '未登录 · 仅存本机' })
    await signInOnMe(page, server.url, 'qian')
    await page.getByRole('link', { name: '首页', exact: true }).click()
    await expect.poll(() => chipState(page), { timeout: 20_000 }).toEqual({ icon: 'check', text: '已同步' })

    // Wi-Fi without internet: the browser says online, but no request gets an answer.
    await server.kill()
    expect(await page.evaluate(() => navigator.onLine)).toBe(true)
    await page.goto(`${server.url}/point/${POINT_ID}`)
    await card(page).waitFor()
    for (const v of [25, 50]) {
      await openSheet(page)
      await form(page).getByRole('button', { name: `进度 ${v}%` }).click()
      await save(page)
    }
    await page.getByRole('link', { name: '首页', exact: true }).click()
    await expect.poll(() => chipState(page), { timeout: 20_000 }).toEqual({ icon: 'cloud-off', text: '离线 · 待同步 2 条' })

    // A reload in the same state (the service worker serves the app) says the same, not a red 同步失败.
    await page.reload()
    await waitForHomeData(page)
    await expect.poll(() => chipState(page), { timeout: 20_000 }).toEqual({ icon: 'cloud-off', text: '离线 · 待同步 2 条' })
    await page.getByRole('link', { name: '我的', exact: true }).click()
    await expect.poll(() => page.getByTestId('sync-state-detail').textContent().then(normalizeText)).toMatch(/^网络连不上服务器；上次同步 .+；联网后自动同步$/)

    // The server back, the network event: the two go up.
    await server.restart()
    await page.context().setOffline(true)
    await page.context().setOffline(false)
    await page.getByRole('link', { name: '首页', exact: true }).click()
    await expect.poll(() => chipState(page), { timeout: 30_000 }).toEqual({ icon: 'check', text: '已同步' })
    await page.context().close()
  })

  it('shows the data by date and counts on 我的, with 关于, 使用帮助 and 隐私说明 as list rows, and installs only when offered', async () => {
    const page = await freshPage()
    await page.getByRole('link', { name: '我的', exact: true }).click()
    await page.getByTestId('me-more').waitFor()
    await expect.poll(() => page.getByTestId('data-date').textContent().then(normalizeText).catch(() => '')).toMatch(/^数据日期\s*20\d\d年\d+月\d+日（最新文件印发）$/)
    expect(normalizeText(await page.getByTestId('data-content').textContent())).toMatch(/^工作要点\s*\d+ 个计划 · \d{3,} 条要点$/)
    expect(normalizeText(await page.getByTestId('data-updated').textContent())).toMatch(/^本机更新\s*20\d\d年\d+月\d+日 · (随应用提供|从服务器获取)$/)
    expect(await page.locator('.app-main').textContent()).not.toMatch(/[0-9a-f]{12,}/)

    // In-app links are rows, not underlined text.
    const rows = page.getByTestId('me-more').locator('a')
    expect(await rows.allInnerTexts().then(t => t.map(s => normalizeText(s).split(' ')[0]))).toEqual(['进度看板', '关于要点通', '使用帮助', '隐私说明'])
    for (const decoration of await rows.evaluateAll(links => links.map(a => getComputedStyle(a).textDecorationLine)))
      expect(decoration).toBe('none')

    const pages: [string, string, RegExp][] = [
      ['关于要点通', '/about', /要点通是什么.*数据日期.*应用版本/],
      ['使用帮助', '/help', /找到要点.*打卡记录进展.*没有网络时/],
      ['隐私说明', '/privacy', /手机上保存的内容.*发送到服务器的内容.*只发往提供本应用的服务器.*谁能看到.*同一单位的同事/],
    ]
    for (const [name, path, words] of pages) {
      await page.getByTestId('me-more').getByRole('link', { name: new RegExp(`^${name}`) }).click()
      await page.waitForURL(`${server.url}${path}`)
      expect(normalizeText(await page.locator('.page-header__title').textContent())).toBe(name === '关于要点通' ? '关于要点通' : name)
      await expect.poll(() => page.locator('.app-main').textContent().then(normalizeText)).toMatch(words)
      await page.getByRole('button', { name: '返回' }).click()
      await page.waitForURL(`${server.url}/me`)
    }

    // No install prompt from the browser: no button, but why and how.
    const guide = page.getByTestId('install-guide')
    expect(await guide.getAttribute('data-state')).toBe('menu')
    expect(await guide.getByTestId('install-button').count()).toBe(0)
    expect(normalizeText(await guide.textContent())).toContain('选“添加到主屏幕”或“安装应用”')
    // The browser offers installation: the button appears and takes the prompt.
    await page.evaluate(() => {
      const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
        prompt: async () => {},
        userChoice: Promise.resolve({ outcome: 'accepted' }),
      })
      window.dispatchEvent(event)
    })
    await guide.getByTestId('install-button').click()
    await expect.poll(() => guide.getByRole('status').textContent().then(normalizeText)).toBe('已添加到桌面，之后可从桌面图标打开。')
    expect(await guide.getByTestId('install-button').count()).toBe(0)
    // The browser reports the installation done.
    await page.evaluate(() => window.dispatchEvent(new Event('appinstalled')))
    expect(normalizeText(await guide.getByTestId('install-done').textContent())).toBe('已添加到桌面，请从桌面的“要点通”图标打开。')
    await page.context().close()

    // Running from the home screen (display-mode: standalone): it says so, with no button and no steps.
    const standalone = await browser.newContext(PHONE)
    await standalone.addInitScript(() => {
      const matchMedia = window.matchMedia.bind(window)
      window.matchMedia = (query: string) => query.includes('display-mode: standalone')
        ? ({ matches: true, media: query, onchange: null, addEventListener: () => {}, removeEventListener: () => {}, addListener: () => {}, removeListener: () => {}, dispatchEvent: () => false } as MediaQueryList)
        : matchMedia(query)
    })
    const app = await standalone.newPage()
    await app.goto(`${server.url}/me`)
    expect(normalizeText(await app.getByTestId('install-done').textContent())).toBe('要点通已安装，正从桌面图标运行。')
    expect(await app.getByTestId('install-steps').count()).toBe(0)
    await standalone.close()
  })
})
