import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, normalizeText, PHONE, waitForHomeData, waitForServiceWorker } from './support/browser'
import { BASE_URL } from './support/env'

describe('offline after the first visit', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('serves 首页, a theme deck, search and a card from the cache', async () => {
    const context = await browser.newContext(PHONE)
    const page = await context.newPage()
    await page.goto(BASE_URL)
    await waitForServiceWorker(page)
    await waitForHomeData(page)

    await context.setOffline(true)
    await page.reload()
    expect(await page.evaluate(() => navigator.onLine)).toBe(false)
    await waitForHomeData(page)
    expect(await page.locator('.plan-list__plan').count()).toBeGreaterThanOrEqual(8)

    // A theme deck: the first theme with points.
    const tile = page.locator('.theme-grid__tile').filter({ hasNotText: /\b0 条/ }).first()
    const themeName = (await tile.locator('.theme-grid__name').textContent().then(normalizeText)).trim()
    await tile.click()
    await page.waitForURL(/\/deck\?kind=theme/)
    await expect.poll(() => page.locator('.page-header__title').textContent().then(normalizeText)).toBe(themeName)
    await page.locator('.deck__slot[data-current="true"] .point-card__title').waitFor()
    expect(await page.getByTestId('deck-position').textContent().then(normalizeText)).toMatch(/^1 \/ \d+/)

    // Search by characters, then by pinyin initials (the pinyin chunk is precached too).
    await page.goto(`${BASE_URL}/search?q=${encodeURIComponent('电子证照')}`)
    await expect.poll(() => page.getByTestId('search-count').textContent().then(normalizeText).catch(() => ''), { timeout: 15_000 }).toMatch(/找到 [1-9]\d* 条/)
    const firstHit = page.locator('.search-page__list .result').first()
    expect(await firstHit.textContent().then(normalizeText)).toContain('电子证照')
    await page.goto(`${BASE_URL}/search?q=yjs`)
    await expect.poll(() => page.getByTestId('search-count').textContent().then(normalizeText).catch(() => ''), { timeout: 15_000 }).toMatch(/找到 [1-9]\d* 条/)
    // The rows follow the count by a frame or two.
    await expect.poll(() => page.locator('.search-page__list').textContent().then(normalizeText).catch(() => ''), { timeout: 15_000 }).toContain('一件事')

    // A card's detail, opened from the results.
    const pointId = await page.locator('.search-page__list .result').first().getAttribute('data-point')
    await page.locator('.search-page__list .result').first().click()
    await page.waitForURL(/\/deck\?kind=search/)
    await page.locator(`.deck__slot[data-current="true"] article[data-point="${pointId}"]`).waitFor()

    // And a deep link straight to a card, as a navigation the service worker answers.
    await page.goto(`${BASE_URL}/point/${pointId}`)
    const card = page.locator(`article[data-point="${pointId}"]`)
    await card.waitFor()
    expect(await card.locator('.point-card__fact dt').allInnerTexts()).toContain('时限')

    // Related points open their own card: walk a city plan until a card names its 上级要点.
    await page.goto(BASE_URL)
    await page.locator('.plan-list__level[aria-label="市级"] .plan-list__plan').first().click()
    await page.locator('.plan-page__all').click()
    const parentLink = page.locator('.deck__slot[data-current="true"] [data-related="parent"]').first()
    for (let step = 0; step < 30 && !(await parentLink.count()); step++)
      await page.getByTestId('deck-next').click()
    const label = normalizeText(await parentLink.textContent())
    expect(label).toMatch(/^上级要点/)
    await parentLink.click()
    await page.waitForURL(/\/point\//)
    const parentId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!)
    const parentCard = page.locator(`article[data-point="${parentId}"]`)
    await parentCard.waitFor()
    expect(normalizeText(await parentCard.locator('.point-card__plan').textContent())).toMatch(/^湖南省/)
    await context.close()
  })
})
