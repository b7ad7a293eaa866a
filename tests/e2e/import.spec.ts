import type { Browser, Page } from 'playwright-core'
import type { ImportFixture } from './fixtures/import'
import type { SyncServer } from './support/sync-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IMPORT_CACHE, IMPORT_FILES_LIST } from '../../src/import/import-assets'
import { fixturePath, IMPORT_FIXTURES } from './fixtures/import'
import { currentPointId, deckPosition, launchBrowser, normalizeText, PHONE, waitForHomeData, waitForServiceWorker } from './support/browser'
import { e2ePort } from './support/env'
import { smallTargets, textMetrics } from './support/measure'
import { checkInOnCurrentCard, signInOnMe } from './support/sync-actions'
import { apiLogin, apiPullAll, readIdb, startSyncServer } from './support/sync-server'

// 导入 in the app, against the real server: offline import, preview, confirm; the plan in search, a theme deck,
// favorites and 打卡, through a reload; then online an admin publishes it and a colleague's phone gets it.
const UNIT = '某某县政务服务中心'

describe('导入: a plan document imported on the phone', () => {
  let browser: Browser
  let server: SyncServer
  beforeAll(async () => {
    ;[browser, server] = await Promise.all([
      launchBrowser(),
      startSyncServer(e2ePort(13), [{ name: 'admin', unit: UNIT, admin: true }, { name: '李四', unit: UNIT }]),
    ])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.dispose()
  })

  async function freshPage(): Promise<Page & { consoleErrors: string[] }> {
    const page = await (await browser.newContext(PHONE)).newPage()
    const consoleErrors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error' && !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(message.text()))
        consoleErrors.push(message.text())
    })
    await page.goto(server.url)
    await waitForServiceWorker(page)
    await waitForHomeData(page)
    return Object.assign(page, { consoleErrors })
  }

  /** True once the service worker has cached every import file (the worker is not precached). */
  function importFilesCached(page: Page): Promise<boolean> {
    return page.evaluate(async ({ cacheName, list }) => {
      const files = ((await (await fetch(`/${list}`)).json()) as { files: string[] }).files
      const cache = await caches.open(cacheName)
      const cached = await Promise.all(files.map(f => cache.match(`/${f}`)))
      return files.length > 0 && cached.every(Boolean)
    }, { cacheName: IMPORT_CACHE, list: IMPORT_FILES_LIST })
  }

  async function themeTileCount(page: Page, theme: string): Promise<number> {
    const label = await page.locator(`.theme-grid__tile[data-theme="${theme}"]`).getAttribute('aria-label')
    return Number(/(\d+) 条要点/.exec(label ?? '')?.[1])
  }

  async function searchHits(page: Page, q: string): Promise<string[]> {
    await page.goto(`${server.url}/search?q=${encodeURIComponent(q)}`)
    await page.getByTestId('search-count').waitFor({ timeout: 15_000 })
    return page.locator('.search-page__list [data-point]').evaluateAll(items => items.map(i => i.getAttribute('data-point')!))
  }

  it('takes a document shared from another app (Web Share Target) into the import page', async () => {
    const page = await freshPage()
    const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json()) as { share_target: { action: string, method: string, enctype: string, params: { files: { name: string, accept: string[] }[] } } }
    expect(manifest.share_target).toMatchObject({ action: '/import/share', method: 'POST', enctype: 'multipart/form-data' })
    expect(manifest.share_target.params.files[0]!.accept).toEqual(expect.arrayContaining(['.docx', '.pdf', '.xlsx', '.txt']))

    // What Android's share sheet does: a multipart POST navigation to the action, answered by the service worker.
    await page.evaluate(({ action, name, text }) => {
      const form = Object.assign(document.createElement('form'), { method: 'POST', action, enctype: 'multipart/form-data' })
      const input = Object.assign(document.createElement('input'), { type: 'file', name: 'files' })
      const files = new DataTransfer()
      files.items.add(new File([text], name, { type: 'text/plain' }))
      input.files = files.files
      form.append(input, Object.assign(document.createElement('input'), { name: 'title', value: '分享的标题' }))
      document.body.append(form)
      form.submit()
    }, { action: manifest.share_target.action, name: '分享的要点.txt', text: '某某县2026年分享测试工作要点\n一、测试\n（一）测试分享。（县政务局牵头）' })
    await page.waitForURL(`${server.url}/import?shared=1`)
    expect(normalizeText(await page.getByTestId('import-shared-note').textContent())).toBe('已收到分享的 1 份文件，请点“解析预览”。')
    await page.locator('[data-testid="import-chosen"] [data-file="分享的要点.txt"]').waitFor()
    // Taken once: a reload does not list it again.
    expect(await readIdb(page, 'sharedFiles')).toEqual([])
    await page.getByTestId('import-parse').click()
    await page.getByTestId('import-summary').waitFor({ timeout: 30_000 })
    await page.getByTestId('import-cancel').click()
    expect(await readIdb(page, 'plans').then(rows => rows.some(r => (r as { title: string }).title.includes('分享测试')))).toBe(false)
    expect(page.consoleErrors).toEqual([])
    await page.context().close()
  })

  it('in 长辈模式 the import page has large text and targets, and no pop-ups', async () => {
    const page = await freshPage()
    await page.getByTestId('elder-toggle').click()
    await page.getByTestId('home-import').click()
    await page.getByTestId('import-file-input').setInputFiles(fixturePath(IMPORT_FIXTURES[0]!.file))
    await page.getByTestId('import-chosen').waitFor()
    expect(await smallTargets(page, '.app-main, .tabbar', 60)).toEqual([])
    await page.getByTestId('import-parse').click()
    await page.getByTestId('import-summary').waitFor({ timeout: 30_000 })
    expect(await smallTargets(page, '.app-main, .tabbar', 60)).toEqual([])
    for (const selector of ['.import-plan__meta', '.import-plan__fact', '.import-notes__note', '.import-plan__section-count'])
      expect((await textMetrics(page, selector)).fontSize, selector).toBeGreaterThanOrEqual(18)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.viewport!.width)
    expect(await page.locator('.van-popup, [role="dialog"]').filter({ visible: true }).count()).toBe(0)
    expect(page.consoleErrors).toEqual([])
    await page.context().close()
  })

  for (const fixture of IMPORT_FIXTURES)
    it(`imports ${fixture.file} offline, uses it like a built-in plan, and publishes it for colleagues`, () => importsAndPublishes(fixture))

  async function importsAndPublishes(fixture: ImportFixture): Promise<void> {
    const page = await freshPage()
    // The first visit leaves the import worker in the runtime cache (asked for once the page is idle).
    await expect.poll(() => importFilesCached(page), { timeout: 30_000 }).toBe(true)
    await page.context().setOffline(true)

    // 首页's plan list leads to 导入; the document goes through the file picker.
    await page.getByTestId('home-import').click()
    await page.waitForURL(`${server.url}/import`)
    await page.getByTestId('import-file-input').setInputFiles(fixturePath(fixture.file))
    await page.locator(`[data-testid="import-chosen"] [data-file="${fixture.file}"]`).waitFor()
    await page.getByTestId('import-parse').click()

    // The preview, before anything is stored.
    await page.getByTestId('import-summary').waitFor({ timeout: 30_000 })
    const plan = page.locator(`[data-testid="import-plan"][data-plan="${fixture.planId}"]`)
    expect(normalizeText(await plan.locator('.import-plan__title').textContent())).toBe(fixture.title)
    expect(normalizeText(await plan.getByTestId('import-plan-counts').textContent())).toBe(`${fixture.sections} 个部分 · ${fixture.points} 条要点`)
    const point = normalizeText(await plan.locator(`[data-point="${fixture.pointId}"]`).textContent())
    expect(point).toMatch(new RegExp(`^第${fixture.pointNo}条.+牵头单位\\s*${fixture.leadUnits}\\s*时限\\s*\\S+`))
    expect(await page.locator(`[data-testid="import-files"] [data-file="${fixture.file}"]`).getAttribute('data-state')).toBe('read')
    if (fixture.note) {
      const notes = await page.getByTestId('import-note').allTextContents()
      expect(notes.map(normalizeText)).toContainEqual(expect.stringContaining(fixture.note))
    }
    expect(await readIdb(page, 'plans').then(rows => rows.some(r => (r as { id: string }).id === fixture.planId))).toBe(false)
    // Nothing wider than the phone (a wider page would make the browser zoom the whole layout out).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.viewport!.width)

    await page.getByTestId('import-confirm').click()
    await page.getByTestId('import-done').waitFor()
    const points = await readIdb<{ id: string, planId: string, themes: string[] }>(page, 'points').then(rows => rows.filter(r => r.planId === fixture.planId))
    expect(points).toHaveLength(fixture.points)
    const theme = points.find(p => p.id === fixture.pointId)!.themes[0]!

    // Found by search right after the import (by pinyin too), and in its theme deck (at the end: county plans come last).
    expect(await searchHits(page, fixture.search)).toContain(fixture.pointId)
    expect(await searchHits(page, fixture.initials)).toContain(fixture.pointId)
    await page.goto(server.url)
    await waitForHomeData(page)
    expect(await page.locator(`.plan-list__plan[data-plan="${fixture.planId}"]`).getByTestId('local-plan-tag').textContent()).toBe('本机导入')
    const inTheme = await themeTileCount(page, theme)
    await page.locator(`.theme-grid__tile[data-theme="${theme}"]`).click()
    await page.locator('.deck__slot[data-current="true"] article').waitFor()
    expect((await deckPosition(page)).of).toBe(inTheme)
    await page.goto(`${server.url}/deck?kind=theme&id=${theme}&at=${fixture.pointId}`)
    await page.locator(`.deck__slot[data-current="true"] article[data-point="${fixture.pointId}"]`).waitFor()
    expect(await deckPosition(page)).toMatchObject({ of: inTheme })

    // Favorite and 打卡 on it, offline and signed out; the 打卡记录 says why it waits.
    const card = page.locator(`.deck__slot[data-current="true"] article[data-point="${fixture.pointId}"]`)
    await card.getByTestId('favorite').click()
    await expect.poll(() => card.getByTestId('favorite').getAttribute('aria-pressed')).toBe('true')
    expect(await checkInOnCurrentCard(page, '村务公开栏已改造一半')).toBe(fixture.pointId)
    await card.locator('.checkin-history__summary').click()
    expect(normalizeText(await card.getByTestId('checkin-held').textContent())).toBe('未同步：所属计划仅在本机导入，发布到服务器后再同步')

    // A reload (still offline) keeps all of it.
    await page.reload()
    await page.locator(`.deck__slot[data-current="true"] article[data-point="${fixture.pointId}"]`).waitFor()
    expect(await currentPointId(page)).toBe(fixture.pointId)
    expect(await page.locator('.deck__slot[data-current="true"]').getByTestId('favorite').getAttribute('aria-pressed')).toBe('true')
    // The latest check-in is a live query of its own: it may render a moment after the card.
    await expect.poll(() => page.locator('.deck__slot[data-current="true"]').getByTestId('latest-checkin').textContent().then(normalizeText)).toContain('推进中')
    expect(await searchHits(page, fixture.search)).toContain(fixture.pointId)

    // Online, an admin signs in and takes the 本机 rows; they wait for the plan, with the reason on 我的.
    await page.context().setOffline(false)
    await page.goto(`${server.url}/me`)
    await signInOnMe(page, server.url, 'admin')
    await page.getByTestId('local-data-merge').click()
    const held = page.getByTestId('held-changes')
    await held.waitFor({ timeout: 15_000 })
    expect(await held.locator('[data-held]').count()).toBe(2)
    expect(normalizeText(await held.textContent())).toContain('所属计划仅在本机导入，发布到服务器后再同步')
    const admin = await apiLogin(server.url, 'admin')
    // The server keeps what earlier fixtures published: look at this plan's point only.
    const ofThisPlan = async () => {
      const all = await apiPullAll(server.url, admin)
      return { checkins: all.checkins.filter(c => c.pointId === fixture.pointId), favorites: all.favorites.filter(f => f.pointId === fixture.pointId) }
    }
    expect((await ofThisPlan()).checkins).toEqual([])

    // 发布到服务器 from the plan page: the plan becomes a server plan, the waiting rows go up.
    await page.goto(`${server.url}/plan/${fixture.planId}`)
    await page.getByTestId('publish-plan').click()
    await expect.poll(() => page.getByTestId('publish-note').textContent().then(normalizeText).catch(() => ''), { timeout: 15_000 }).toContain('已发布到服务器')
    await expect.poll(async () => (await readIdb(page, 'outbox')).length, { timeout: 20_000 }).toBe(0)
    const onServer = await ofThisPlan()
    expect(onServer.checkins.map(c => [c.pointId, c.note])).toEqual([[fixture.pointId, '村务公开栏已改造一半']])
    expect(onServer.favorites).toEqual([expect.objectContaining({ pointId: fixture.pointId, on: true })])
    expect(await page.getByTestId('local-plan-actions').count()).toBe(0)
    expect(page.consoleErrors).toEqual([])

    // A colleague's phone gets the plan on its next sync (plan data needs no account; 李四 signs in to sync anyway).
    const colleague = await freshPage()
    await signInOnMe(colleague, server.url, '李四')
    await colleague.getByRole('link', { name: '首页', exact: true }).click()
    await colleague.locator(`.plan-list__plan[data-plan="${fixture.planId}"]`).waitFor({ timeout: 20_000 })
    expect(await colleague.locator(`.plan-list__plan[data-plan="${fixture.planId}"]`).getByTestId('local-plan-tag').count()).toBe(0)
    expect(await searchHits(colleague, fixture.search)).toContain(fixture.pointId)
    expect(await searchHits(colleague, fixture.initials)).toContain(fixture.pointId)
    expect(colleague.consoleErrors).toEqual([])
    await colleague.context().close()
    await page.context().close()
  }
})
