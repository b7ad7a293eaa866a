import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { currentPointId, deckPosition, launchBrowser, normalizeText, PHONE, waitForHomeData } from './support/browser'
import { BASE_URL } from './support/env'

// Issue 10, Time and Cards/details/relations, at 390×844 on the seed data.
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

type TestPage = Page & { errors: string[] }

/** A fresh phone (empty IndexedDB), optionally with the clock fixed and 长辈模式 on, on 首页 with the data in. */
async function freshPage(options: { now?: string, elder?: boolean } = {}): Promise<TestPage> {
  const context = await browser.newContext(PHONE)
  if (options.now)
    await context.clock.setFixedTime(new Date(options.now))
  if (options.elder)
    await context.addInitScript(() => localStorage.setItem('ydt:elder-mode', 'true'))
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error')
      errors.push(m.text())
  })
  page.on('pageerror', e => errors.push(String(e)))
  await page.goto(BASE_URL)
  await waitForHomeData(page)
  return Object.assign(page, { errors })
}

async function dueItems(page: Page): Promise<string[]> {
  return page.locator('[data-testid="due-list"] .point-item').evaluateAll(items => items.map(i => i.getAttribute('data-point')!))
}

describe('bad links', () => {
  it('show one not-found page with a way back for unknown points, plans and themes', async () => {
    const page = await freshPage()
    for (const path of ['/point/no-such-point-1', '/plan/no-such-plan', '/deck?kind=theme&id=no-such-theme', '/deck?kind=plan&id=no-such-plan']) {
      await page.goto(`${BASE_URL}${path}`)
      const notFound = page.getByTestId('not-found')
      await notFound.waitFor({ timeout: 10_000 })
      expect(normalizeText(await notFound.locator('h2').textContent()), path).toMatch(/^没有找到这/)
      expect(await page.getByText('正在载入…').count(), path).toBe(0)
    }
    await page.getByTestId('not-found-home').click()
    await waitForHomeData(page)
    expect(new URL(page.url()).pathname).toBe('/')
    expect(page.errors).toEqual([])
    await page.context().close()
  })
})

describe('detail page and relations both ways', () => {
  it('shows the full point, 上年要点 ↔ 下年要点 and 往年 with 已由 2023 年要点接续', async () => {
    const page = await freshPage()
    await page.goto(`${BASE_URL}/point/hunan-2023-zwglfw-3`)
    const detail = page.getByTestId('point-detail')
    await detail.waitFor()
    expect(normalizeText(await detail.getByTestId('detail-plan').textContent())).toBe('湖南省2023年政务管理服务工作要点')
    expect(normalizeText(await detail.getByTestId('point-section').textContent())).toMatch(/^第\d+部分 · /)
    expect(await detail.locator('.point-card__fact dt').allInnerTexts()).toEqual(expect.arrayContaining(['牵头单位', '时限']))
    await detail.locator('[data-testid="latest-checkin"]:not([aria-busy])').waitFor()
    expect(await detail.getByTestId('favorite').count()).toBe(1)
    expect(await detail.getByTestId('checkin-open').count()).toBe(1)
    // Not a deck: no arrows, no swipe hint.
    expect(await page.getByTestId('deck').count()).toBe(0)
    expect(await detail.getByTestId('past-tag').count()).toBe(0)

    const previous = detail.locator('[data-related="previous"]')
    expect(await previous.getAttribute('data-point')).toBe('hunan-2022-zwglfw-16')
    await previous.click()
    await page.waitForURL(/\/point\/hunan-2022-zwglfw-16$/)
    const old = page.locator('[data-testid="point-detail"][data-point="hunan-2022-zwglfw-16"]')
    await old.waitFor()
    await old.getByTestId('past-tag').waitFor()
    expect(normalizeText(await old.getByTestId('succeeded-by').textContent())).toBe('已由 2023 年要点接续')
    const next = old.getByTestId('relations-next').locator('[data-related="next"]')
    expect(await next.evaluateAll(links => links.map(l => l.getAttribute('data-point')))).toContain('hunan-2023-zwglfw-3')
    await old.getByTestId('relations-next').locator('[data-point="hunan-2023-zwglfw-3"]').click()
    await page.waitForURL(/\/point\/hunan-2023-zwglfw-3$/)
    expect(page.errors).toEqual([])
    await page.context().close()
  })

  it('lists 下级落实 by region under a provincial point, and each links back as 上级要点', async () => {
    const page = await freshPage()
    await page.goto(`${BASE_URL}/point/hunan-2023-zwglfw-1`)
    const implementations = page.getByTestId('relations-implementations')
    await implementations.waitFor()
    const regions = await implementations.locator('[data-region]').evaluateAll(r => r.map(x => x.getAttribute('data-region')))
    expect(regions).toContain('娄底市')
    const city = implementations.locator('[data-region="娄底市"] [data-point="loudi-2023-zwglfw-1"]')
    await city.click()
    await page.waitForURL(/\/point\/loudi-2023-zwglfw-1$/)
    const parent = page.locator('[data-testid="point-detail"][data-point="loudi-2023-zwglfw-1"] [data-related="parent"]')
    await parent.waitFor()
    expect(await parent.getAttribute('data-point')).toBe('hunan-2023-zwglfw-1')
    expect(page.errors).toEqual([])
    await page.context().close()
  })
})

describe('deck ends, card taps and favorite confirmation', () => {
  it('says 已是第一条 / 已是最后一条 with disabled-looking arrows; a card opens its detail; favoriting toasts', async () => {
    const page = await freshPage()
    await page.goto(`${BASE_URL}/deck?kind=plan&id=hunan-2023-zwgk`)
    await page.locator('.deck__slot[data-current="true"] article').waitFor()
    const { of } = await deckPosition(page)
    expect(normalizeText(await page.getByTestId('deck-edge').textContent())).toBe('已是第一条')
    const prev = page.getByTestId('deck-prev')
    const nextBtn = page.getByTestId('deck-next')
    expect(await prev.isDisabled()).toBe(true)
    const look = (b: typeof prev) => b.evaluate(el => [getComputedStyle(el).borderStyle, getComputedStyle(el).backgroundColor].join(' '))
    expect(await look(prev)).not.toBe(await look(nextBtn))
    await nextBtn.click()
    await expect.poll(() => page.getByTestId('deck-edge').count()).toBe(0)
    for (let i = 1; i < of - 1; i++)
      await nextBtn.click()
    await expect.poll(() => deckPosition(page).then(p => p.at)).toBe(of)
    expect(normalizeText(await page.getByTestId('deck-edge').textContent())).toBe('已是最后一条')
    expect(await nextBtn.isDisabled()).toBe(true)

    const card = page.locator('.deck__slot[data-current="true"] article')
    await card.getByTestId('favorite').click()
    await page.locator('.van-toast').filter({ hasText: '已收藏' }).waitFor()

    const id = await currentPointId(page)
    await card.getByTestId('card-open').click()
    await page.waitForURL(new RegExp(`/point/${id}$`))
    await page.getByTestId('point-detail').waitFor()
    expect(page.errors).toEqual([])
    await page.context().close()
  })

  it('confirms a favorite inline in 长辈模式, never with a pop-up', async () => {
    const page = await freshPage({ elder: true })
    await page.goto(`${BASE_URL}/point/hunan-2023-zwgk-1`)
    const detail = page.getByTestId('point-detail')
    await detail.waitFor()
    await detail.getByTestId('favorite').click()
    await expect.poll(() => detail.getByTestId('card-note').textContent().then(normalizeText)).toContain('已收藏')
    expect(await page.locator('.van-toast').filter({ visible: true }).count()).toBe(0)
    expect(page.errors).toEqual([])
    await page.context().close()
  })
})

describe('time-aware 临近截止', () => {
  it('in December 2026 lists only the current (2023) plans, overdue first, with a count that says what it counts', async () => {
    const page = await freshPage({ now: '2026-12-01T09:00:00+08:00' })
    const count = page.getByTestId('due-count')
    await expect.poll(() => count.textContent().then(normalizeText)).toMatch(/^现行计划 \d+ 条未完成，其中逾期 \d+ 条/)
    const m = /现行计划 (\d+) 条未完成，其中逾期 (\d+) 条/.exec(normalizeText(await count.textContent()))!
    expect(Number(m[1])).toBeGreaterThan(0)
    expect(m[2]).toBe(m[1]) // every 2023 deadline is past in 2026
    const items = await dueItems(page)
    expect(items.length).toBeGreaterThan(0)
    expect(items.every(id => id.includes('-2023-'))).toBe(true)
    expect(normalizeText(await page.getByTestId('due-list').textContent())).not.toMatch(/已逾期 14\d\d 天/)
    // 往年 plans stay browsable, marked as such.
    expect(await page.locator('.plan-list__plan[data-plan="hunan-2022-zwgk"] [data-testid="past-plan-tag"]').count()).toBe(1)

    // The list and the deck share one order: the first item opens at 1, 全部 N 条 at the top, same cards in turn.
    await page.locator('[data-testid="due-list"] .point-item').first().click()
    await page.locator('.deck__slot[data-current="true"] article').waitFor()
    expect(await deckPosition(page)).toEqual({ at: 1, of: Number(m[1]) })
    expect(await currentPointId(page)).toBe(items[0])
    await page.getByTestId('deck-next').click()
    await expect.poll(() => currentPointId(page)).toBe(items[1])
    await page.goBack()
    await waitForHomeData(page)
    await page.getByTestId('due-all').click()
    await page.locator('.deck__slot[data-current="true"] article').waitFor()
    expect((await deckPosition(page)).at).toBe(1)
    const seen = [await currentPointId(page)]
    for (let i = 1; i < items.length; i++) {
      await page.getByTestId('deck-next').click()
      await expect.poll(() => deckPosition(page).then(p => p.at)).toBe(i + 1)
      seen.push(await currentPointId(page))
    }
    expect(seen).toEqual(items)
    expect(page.errors).toEqual([])
    await page.context().close()
  })

  it('in May 2023 lists the 2023 plans\' points that come due, none of the replaced 2022 plans', async () => {
    const page = await freshPage({ now: '2023-05-01T09:00:00+08:00' })
    const count = page.getByTestId('due-count')
    await expect.poll(() => count.textContent().then(normalizeText)).toMatch(/^现行计划 \d+ 条未完成，其中逾期 0 条/)
    const items = await dueItems(page)
    expect(items.length).toBeGreaterThan(0)
    expect(items.every(id => id.includes('-2023-'))).toBe(true)
    // The earliest 2023 deadline (6月份前 → 2023-06-30) leads, 60 days ahead.
    const first = page.locator('[data-testid="due-list"] .point-item').first()
    expect(await first.getAttribute('data-point')).toMatch(/^hunan-2023-zwglfw-/)
    expect(normalizeText(await first.locator('.deadline-badge').textContent())).toContain('6月30日前')
    expect(await page.locator('.plan-list__plan[data-plan="hunan-2022-zwgk"] [data-testid="past-plan-tag"]').count()).toBe(1)
    expect(await page.locator('.plan-list__plan[data-plan="hunan-2023-zwgk"] [data-testid="past-plan-tag"]').count()).toBe(0)
    expect(page.errors).toEqual([])
    await page.context().close()
  })
})
