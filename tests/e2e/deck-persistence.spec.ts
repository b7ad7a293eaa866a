import type { BrowserContext, Page } from 'playwright-core'
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { currentPointId, deckPosition, launchWithProfile, makeProfileDir, mouseDrag, normalizeText, touchSwipe, waitForHomeData, waitForServiceWorker } from './support/browser'
import { BASE_URL } from './support/env'

async function cardCentre(page: Page) {
  const box = await page.locator('.deck__viewport').boundingBox()
  if (!box)
    throw new Error('no deck on screen')
  return { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 200) }
}

async function expectCardState(page: Page, pointId: string) {
  const card = page.locator(`.deck__slot[data-current="true"] article[data-point="${pointId}"]`)
  await card.waitFor()
  await expect.poll(() => card.getByTestId('favorite').getAttribute('aria-pressed')).toBe('true')
  await expect.poll(() => card.getByTestId('latest-checkin').textContent().then(normalizeText)).toContain('已完成 · 100%')
  await card.locator('.checkin-history__summary').click()
  expect(await card.locator('.checkin-history__list').textContent().then(normalizeText)).toContain('离线打卡：材料已报送')
}

describe('card deck: swipe, favorite and 打卡 offline, kept across reload and restart', () => {
  const profile = makeProfileDir()
  let context: BrowserContext | undefined
  afterEach(async () => {
    await context?.close()
    profile.remove()
  })

  it('moves by touch swipe, mouse drag and buttons; keeps a favorite and a check-in made offline', async () => {
    context = await launchWithProfile(profile.dir)
    let page = context.pages()[0] ?? await context.newPage()
    await page.goto(BASE_URL)
    await waitForServiceWorker(page)
    await waitForHomeData(page)

    // The 一件事一次办 theme deck has several cards.
    await page.locator('.theme-grid__tile[data-theme="yijianshi"]').click()
    await page.locator('.deck__slot[data-current="true"] article').waitFor()
    const start = await deckPosition(page)
    expect(start.at).toBe(1)
    expect(start.of).toBeGreaterThanOrEqual(3)
    const first = await currentPointId(page)

    await touchSwipe(page, await cardCentre(page), -220)
    await expect.poll(() => deckPosition(page).then(p => p.at)).toBe(2)
    const second = await currentPointId(page)
    expect(second).not.toBe(first)
    // Only the current card and its neighbours are in the DOM.
    expect(await page.locator('.deck__slot').count()).toBeLessThanOrEqual(3)

    await mouseDrag(page, await cardCentre(page), -220)
    await expect.poll(() => deckPosition(page).then(p => p.at)).toBe(3)
    await mouseDrag(page, await cardCentre(page), 220)
    await expect.poll(() => deckPosition(page).then(p => p.at)).toBe(2)
    await touchSwipe(page, await cardCentre(page), 220)
    await expect.poll(() => deckPosition(page).then(p => p.at)).toBe(1)
    await page.getByTestId('deck-next').click()
    await expect.poll(() => deckPosition(page).then(p => p.at)).toBe(2)
    expect(await currentPointId(page)).toBe(second)
    const deckUrl = page.url()

    // Offline: favorite and 打卡 on the second card.
    await context.setOffline(true)
    const card = page.locator(`.deck__slot[data-current="true"] article[data-point="${second}"]`)
    await card.getByTestId('favorite').click()
    await expect.poll(() => card.getByTestId('favorite').getAttribute('aria-pressed')).toBe('true')
    await card.getByTestId('checkin-open').click()
    const form = page.getByTestId('checkin-form')
    await form.waitFor()
    await form.locator('[data-status="done"]').click()
    await form.locator('textarea').fill('离线打卡：材料已报送')
    await form.getByTestId('checkin-save').click()
    await form.waitFor({ state: 'detached' })
    await expectCardState(page, second)

    await page.reload()
    await expectCardState(page, second)

    // Restart the browser with the same profile: the deck reopens where the user left it.
    await context.close()
    context = await launchWithProfile(profile.dir)
    await context.setOffline(true)
    page = context.pages()[0] ?? await context.newPage()
    await page.goto(deckUrl)
    await expect.poll(() => deckPosition(page).then(p => p.at)).toBe(2)
    await expectCardState(page, second)

    await page.goto(`${BASE_URL}/favorites`)
    await page.getByTestId('favorites-list').waitFor()
    expect(await page.locator(`.favorites__list [data-point="${second}"]`).textContent().then(normalizeText)).toContain('打卡：已完成 100%')
    expect(await page.getByRole('link', { name: '我的', exact: true }).count()).toBe(1)
    await page.getByRole('link', { name: '首页', exact: true }).click()
    // Signed out, the two changes stay on this phone until someone signs in: the chip says so in words.
    await expect.poll(() => page.getByTestId('sync-chip').textContent().then(normalizeText)).toContain('未登录 · 仅存本机')

    // 我的 → 导出工作台账 → CSV: a file with BOM and CRLF that carries the offline check-in.
    await page.getByRole('link', { name: '我的', exact: true }).click()
    await page.getByRole('link', { name: /导出工作台账/ }).click()
    await page.getByTestId('ledger-summary').waitFor()
    await page.locator('[data-testid="ledger-format"] [data-value="csv"]').click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-download').click()])
    expect(download.suggestedFilename()).toMatch(/^工作台账-全部-\d{8}\.csv$/)
    const csv = readFileSync((await download.path())!, 'utf8')
    expect(csv.startsWith('\uFEFF计划,层级,年度,部分,序号,要点')).toBe(true)
    expect(csv).toContain('\r\n')
    const row = csv.split('\r\n').find(line => line.includes('离线打卡：材料已报送'))
    expect(row).toContain('已完成')
  })
})
