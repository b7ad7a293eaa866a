import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, PHONE, waitForHomeData } from './support/browser'
import { BASE_URL } from './support/env'
import { smallTargets } from './support/measure'

async function search(page: Page, q: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: '搜索工作要点' })
  await box.fill(q)
  await page.getByTestId('search-count').or(page.getByTestId('search-empty')).waitFor()
  await page.getByText('正在搜索…').waitFor({ state: 'hidden' })
}

async function text(locator: Locator): Promise<string> {
  return (await locator.textContent() ?? '').trim()
}

const marks = (page: Page) => page.locator('.search-page__list mark').allInnerTexts()

describe('search', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('finds by initials, full pinyin and mixed input with highlights; keeps history; suggests themes and what to try', async () => {
    const context = await browser.newContext(PHONE)
    const page = await context.newPage()
    const errors: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error')
        errors.push(m.text())
    })
    page.on('pageerror', e => errors.push(e.message))
    await page.goto(BASE_URL)
    await waitForHomeData(page)

    // From 首页's box: the query is submitted and remembered.
    await page.getByRole('searchbox', { name: '搜索工作要点' }).fill('ywtb')
    await page.getByRole('button', { name: '搜索' }).click()
    await page.waitForURL(/\/search\?q=ywtb/)
    await page.getByTestId('search-count').waitFor()
    expect(await text(page.getByTestId('search-count'))).toContain('11 条')
    expect(new Set(await marks(page))).toEqual(new Set(['一网通办']))
    // the first results are current plans' title hits
    expect(await page.locator('.search-page__list [data-point]').first().getAttribute('data-point')).toMatch(/-2023-/)
    // theme suggestion while typing: tapping it opens the theme deck
    await page.getByTestId('theme-suggestions').getByRole('link', { name: /一网通办与跨省通办/ }).waitFor()

    await search(page, 'zhengwu')
    expect(await text(page.getByTestId('search-count'))).toMatch(/找到 \d+ 条/)
    expect(new Set(await marks(page))).toEqual(new Set(['政务']))

    await search(page, 'dz证照')
    expect(await text(page.getByTestId('search-count'))).toContain('6 条')
    expect(new Set(await marks(page))).toEqual(new Set(['电子证照']))
    await page.getByRole('searchbox', { name: '搜索工作要点' }).press('Enter')

    // Nothing found: the closest theme, shorter queries that work, and what to try in words.
    await search(page, '电子证照共享互认平台系统')
    const empty = page.getByTestId('search-empty')
    expect(await text(empty)).toContain('没有找到')
    expect(await text(page.getByTestId('closest-theme'))).toBe('电子证照')
    expect(await text(empty)).toMatch(/少输几个字/)
    expect(await text(empty)).toMatch(/首字母/)
    await empty.getByRole('button', { name: /“电子证照/ }).first().click()
    await page.getByTestId('search-count').waitFor()

    // The empty page offers the history, newest first, and clears it.
    await page.getByRole('searchbox', { name: '搜索工作要点' }).fill('')
    const history = page.getByTestId('search-history')
    await history.waitFor()
    const items = await history.locator('.history__pick').allInnerTexts()
    expect(items.slice(0, 3)).toEqual([expect.stringContaining('电子证照'), 'dz证照', 'ywtb'])
    await history.locator('.history__pick', { hasText: 'ywtb' }).click()
    await page.getByTestId('search-count').waitFor()
    expect(page.url()).toContain('q=ywtb')

    // The theme suggestion opens the theme deck.
    await page.getByTestId('theme-suggestions').getByRole('link', { name: /一网通办与跨省通办/ }).click()
    await page.waitForURL(/\/deck\?kind=theme&id=tongban/)

    // History survives a reload; 清空记录 empties it.
    await page.goto(`${BASE_URL}/search`)
    await page.getByTestId('search-history').waitFor()
    await page.getByRole('button', { name: '清空记录' }).click()
    await page.getByTestId('search-history').waitFor({ state: 'detached' })

    expect(errors).toEqual([])
    await context.close()
  })

  it('works in 长辈模式: inline suggestions, big targets, no pop-ups', async () => {
    const context = await browser.newContext(PHONE)
    await context.addInitScript(() => localStorage.setItem('ydt:elder-mode', 'true'))
    const page = await context.newPage()
    await page.goto(`${BASE_URL}/search`)
    await search(page, 'yjs')
    expect(await text(page.locator('.search-page__list mark').first())).toBe('一件事')
    await search(page, 'qqqqzzz')
    await page.getByTestId('search-empty').waitFor()
    expect(await page.locator('.van-popup, [role="dialog"]').filter({ visible: true }).count()).toBe(0)
    expect(await smallTargets(page, '.app-main', 60)).toEqual([])
    await context.close()
  })
})
