import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROUTES } from './routes'
import { launchBrowser, PHONE, waitForHomeData } from './support/browser'
import { BASE_URL } from './support/env'
import { contrastRatios, headingSizes, smallTargets, textLayoutFaults, textMetrics } from './support/measure'

const TEXT_SELECTORS = [
  'body',
  '.tabbar__item',
  '.theme-grid__name',
  '.theme-grid__count',
  '.plan-list__plan-meta',
  '.point-item__meta',
  '.deadline-badge',
  '.search-box__input',
  '.sync-chip',
  '.elder-toggle',
]

describe('长辈模式', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('enlarges text and targets, keeps contrast, and opens 打卡 inline instead of a pop-up', async () => {
    const context = await browser.newContext(PHONE)
    const page = await context.newPage()
    await page.goto(BASE_URL)
    await waitForHomeData(page)

    const normal = await textMetrics(page, '.point-item__title')
    const normalToggle = await page.getByTestId('elder-toggle').boundingBox()
    expect(normal.fontSize).toBe(16)
    expect(normalToggle!.height).toBeLessThan(60)
    for (const { selector, ratio } of await contrastRatios(page, TEXT_SELECTORS))
      expect(ratio, selector).toBeGreaterThanOrEqual(4.5)

    await page.getByTestId('elder-toggle').click()
    expect(await page.getByTestId('elder-toggle').getAttribute('aria-checked')).toBe('true')
    expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true)

    const body = await textMetrics(page, 'body')
    expect(body.fontSize).toBeGreaterThanOrEqual(20)
    expect(body.lineHeight).toBeGreaterThanOrEqual(1.3)
    const title = await textMetrics(page, '.point-item__title')
    expect(title.fontSize).toBeGreaterThan(normal.fontSize)
    for (const selector of ['.theme-grid__name', '.point-item__meta', '.plan-list__plan-meta'])
      expect((await textMetrics(page, selector)).fontSize, selector).toBeGreaterThanOrEqual(18)
    expect(await smallTargets(page, '.app-main, .tabbar', 60)).toEqual([])
    for (const { selector, ratio } of await contrastRatios(page, TEXT_SELECTORS))
      expect(ratio, selector).toBeGreaterThanOrEqual(4.5)

    // The deck and its 打卡 form: inline, no pop-up, big targets.
    await page.locator('.theme-grid__tile[data-theme="yijianshi"]').click()
    await page.locator('.deck__slot[data-current="true"] article').waitFor()
    const card = page.locator('.deck__slot[data-current="true"] article')
    await card.getByTestId('checkin-open').click()
    const form = card.getByTestId('checkin-form')
    await form.waitFor()
    expect(await page.locator('.van-popup').filter({ visible: true }).count()).toBe(0)
    expect(await page.locator('[role="dialog"]').filter({ visible: true }).count()).toBe(0)
    expect(await smallTargets(page, '.app-main, .tabbar', 60)).toEqual([])
    for (const { selector, ratio } of await contrastRatios(page, ['.point-card__plan', '.point-card__section', '.point-card__fact dt', '.deck__hint', '.checkin-form__legend']))
      expect(ratio, selector).toBeGreaterThanOrEqual(4.5)
    // Status is told in words, not colour alone.
    expect(await form.locator('[role="radio"]').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('已完成'), expect.stringContaining('有困难')]))

    // Font size setting goes further; it survives a reload.
    await form.getByRole('button', { name: '取消' }).click()
    await page.getByRole('link', { name: '我的', exact: true }).click()
    await page.locator('[data-font="xlarge"]').click()
    expect((await textMetrics(page, 'body')).fontSize).toBe(24)
    await page.reload()
    await page.locator('[data-font="xlarge"][aria-checked="true"]').waitFor()
    expect((await textMetrics(page, 'body')).fontSize).toBe(24)
    expect(await smallTargets(page, '.app-main, .tabbar', 60)).toEqual([])

    // And back to normal mode: the 打卡 sheet is a pop-up again.
    await page.getByTestId('elder-toggle').click()
    await page.locator('[data-font="standard"]').click()
    expect((await textMetrics(page, 'body')).fontSize).toBe(16)
    await context.close()
  })

  it('scales the whole type ramp at 特大 and keeps every page free of clipped or overlapping text and small targets', async () => {
    const context = await browser.newContext(PHONE)
    await context.addInitScript(() => {
      localStorage.setItem('ydt:elder-mode', 'true')
      localStorage.setItem('ydt:font-size', 'xlarge')
    })
    const page = await context.newPage()
    await page.goto(BASE_URL)
    await waitForHomeData(page)
    const problems: string[] = []
    for (const { path, ready } of ROUTES) {
      await page.goto(`${BASE_URL}${path}`)
      await page.locator(ready).first().waitFor({ timeout: 20_000 })
      await page.waitForTimeout(300)
      const { body, headings } = await headingSizes(page)
      expect(body, path).toBe(24)
      expect(headings.length, `${path} has headings`).toBeGreaterThan(0)
      for (const h of headings) {
        if (h.size < Math.max(24, body * 1.15))
          problems.push(`${path}: ${h.tag} "${h.text}" ${h.size}px`)
      }
      for (const t of await smallTargets(page, '.app-main, .tabbar', 60))
        problems.push(`${path}: small target ${t.what} ${t.width}×${t.height}`)
      for (const f of await textLayoutFaults(page))
        problems.push(`${path}: ${f}`)
    }
    expect(problems).toEqual([])
    await context.close()
  })

  it('keeps 长辈模式 标准 at body 20px with headings from 24px', async () => {
    const context = await browser.newContext(PHONE)
    await context.addInitScript(() => localStorage.setItem('ydt:elder-mode', 'true'))
    const page = await context.newPage()
    await page.goto(`${BASE_URL}/me`)
    await page.getByTestId('me-more').waitFor()
    const { body, headings } = await headingSizes(page)
    expect(body).toBe(20)
    expect(Math.min(...headings.map(h => h.size))).toBeGreaterThanOrEqual(24)
    await context.close()
  })
})
