import type { Browser, Page } from 'playwright-core'
import type { PlanLevel } from '../../src/domain/plan'
import type { SyncServer } from './support/sync-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { qualifyUnit } from '../../src/domain/unit-match'
import { currentPointId, deckPosition, launchBrowser, normalizeText, PHONE, waitForHomeData } from './support/browser'
import { BASE_URL, e2ePort } from './support/env'
import { contrastRatios, smallTargets } from './support/measure'
import { checkInOnCurrentCard, signInOnMe } from './support/sync-actions'
import { readIdb, startSyncServer } from './support/sync-server'

// Point lists: a theme as a list, filters with counts checked against IndexedDB, the filtered list as a deck in the
// same order, filters through back and reload, and 我的单位 with a picked unit and with a signed-in account's unit.

interface IdbPoint { id: string, planId: string, level: PlanLevel, region: string, year: number | null, leadUnits: string[], partnerUnits: string[] }
interface IdbPlan { id: string, year: number | null, series?: string }

const THEME = 'zhengwugongkai'
const SIGNED_IN_UNIT = '长沙市政务服务中心'

async function freshPage(browser: Browser, url: string): Promise<Page & { errors: string[] }> {
  const page = await (await browser.newContext(PHONE)).newPage()
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error')
      errors.push(m.text())
  })
  page.on('pageerror', e => errors.push(String(e)))
  await page.goto(url)
  await waitForHomeData(page)
  // The tiles draw from the build before IndexedDB is filled; the plans and points are written in one transaction.
  await expect.poll(() => readIdb(page, 'plans').then(rows => rows.length), { timeout: 30_000 }).toBeGreaterThanOrEqual(8)
  return Object.assign(page, { errors })
}

async function listCount(page: Page): Promise<number> {
  const text = await page.getByTestId('list-count').textContent().then(normalizeText)
  return Number(/(\d+) 条/.exec(text)?.[1] ?? Number.NaN)
}

/** The count shown on each option of the open filter panel, by value. */
async function optionCounts(page: Page, dim: string): Promise<Record<string, number>> {
  const panel = page.locator(`.list-filters__panel[data-panel="${dim}"]`)
  await panel.waitFor()
  if (await panel.locator('.list-filters__more').count())
    await panel.locator('.list-filters__more').click()
  const options = await panel.locator('.list-filters__option').evaluateAll(els => els.map(el => [el.getAttribute('data-value') ?? '', el.querySelector('.list-filters__count')?.textContent ?? '']))
  return Object.fromEntries(options.filter(([v]) => v !== '').map(([v, c]) => [v, Number(c)]))
}

function countBy<T>(items: T[], key: (item: T) => string[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const item of items) {
    for (const k of new Set(key(item)))
      out[k] = (out[k] ?? 0) + 1
  }
  return out
}

/** Current plans as the issue defines them: the newest year of a series, or the present year. */
function currentPlans(plans: IdbPlan[]): Set<string> {
  const newest = new Map<string, number>()
  for (const p of plans)
    newest.set(p.series!, Math.max(newest.get(p.series!) ?? 0, p.year ?? 0))
  return new Set(plans.filter(p => p.year === null || p.year >= new Date().getFullYear() || p.year === newest.get(p.series!)).map(p => p.id))
}

async function listedIds(page: Page): Promise<string[]> {
  return page.locator('[data-testid="point-list"] .point-item').evaluateAll(els => els.map(el => el.getAttribute('data-point') ?? ''))
}

describe('point lists with filters', () => {
  let browser: Browser
  let server: SyncServer
  beforeAll(async () => {
    ;[browser, server] = await Promise.all([
      launchBrowser(),
      startSyncServer(e2ePort(17), [{ name: '王五', unit: SIGNED_IN_UNIT }]),
    ])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.dispose()
  })

  it('opens a theme as a list, filters it with counts that add up, and opens the filtered list as a deck', async () => {
    const page = await freshPage(browser, BASE_URL)
    const deck = (await readIdb<{ key: string, ids: string[] }>(page, 'deckIndex')).find(d => d.key === `theme:${THEME}`)!.ids
    const byId = new Map((await readIdb<IdbPoint>(page, 'points')).map(p => [p.id, p]))
    const current = currentPlans(await readIdb<IdbPlan>(page, 'plans'))
    const points = deck.map(id => byId.get(id)!)

    await page.getByRole('link', { name: '主题', exact: true }).click()
    await page.locator(`.theme-grid__tile[data-theme="${THEME}"]`).click()
    await page.waitForURL(/\/list\?kind=theme/)
    await expect.poll(() => listCount(page)).toBe(deck.length)
    expect(deck.length).toBe(66)
    // The first page, in the deck's order; more rows come as the list is scrolled. An unfiltered list counts its
    // deck's ids at once, and its rows follow when their points are read.
    await expect.poll(() => listedIds(page)).toEqual(deck.slice(0, 30))
    await page.locator('[data-testid="point-list"] .point-item').last().scrollIntoViewIfNeeded()
    await page.mouse.wheel(0, 5000)
    await expect.poll(() => listedIds(page).then(ids => ids.length), { timeout: 10_000 }).toBeGreaterThan(30)

    // Level: every option says how many points picking it leaves.
    await page.locator('[data-filter="level"]').click()
    expect(await optionCounts(page, 'level')).toEqual(countBy(points, p => [p.level]))
    await page.locator('[data-panel="level"] [data-value="city"]').click()
    await page.waitForURL(/level=city/)
    const city = points.filter(p => p.level === 'city')
    await expect.poll(() => listCount(page)).toBe(city.length)

    // Year, with the level in place.
    await page.locator('[data-filter="year"]').click()
    expect(await optionCounts(page, 'year')).toEqual(countBy(city, p => [current.has(p.planId) ? 'current' : 'past']))
    // Region and lead unit (named with the plan's region: 市政务公开办 of two cities are two units).
    await page.locator('[data-filter="region"]').click()
    expect(await optionCounts(page, 'region')).toEqual(countBy(city, p => [p.region]))
    await page.locator('[data-filter="lead"]').click()
    const leads = countBy(city, p => p.leadUnits.map(u => qualifyUnit(u, p)))
    expect(await optionCounts(page, 'lead')).toEqual(leads)
    const [lead] = Object.entries(leads).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!
    await page.locator(`[data-panel="lead"] [data-value="${lead}"]`).click()
    await page.waitForURL(/lead=/)
    const filtered = city.filter(p => p.leadUnits.some(u => qualifyUnit(u, p) === lead))
    await expect.poll(() => listCount(page)).toBe(filtered.length)
    expect(filtered.length).toBeGreaterThanOrEqual(3)
    expect(await listedIds(page)).toEqual(filtered.map(p => p.id))

    // Tap the second item: the deck opens at it, with the list's points in the list's order.
    await page.locator('[data-testid="point-list"] .point-item').nth(1).click()
    await page.waitForURL(/\/deck\?/)
    await expect.poll(() => deckPosition(page)).toEqual({ at: 2, of: filtered.length })
    expect(await currentPointId(page)).toBe(filtered[1]!.id)
    await page.getByTestId('deck-next').click()
    await expect.poll(() => currentPointId(page)).toBe(filtered[2]!.id)
    // 有困难 on this card; my status then counts it.
    const blocked = await checkInOnCurrentCard(page, '缺少数据接口', 'blocked')

    // Back: the list with its filters, and 我的进展 counting the new check-in.
    await page.goBack()
    await page.waitForURL(/\/list\?.*level=city/)
    await expect.poll(() => listCount(page)).toBe(filtered.length)
    expect(await page.locator('[data-filter="lead"]').getAttribute('aria-pressed')).toBe('true')
    await page.locator('[data-filter="status"]').click()
    const statuses = await optionCounts(page, 'status')
    expect(statuses.blocked).toBe(1)
    expect(Object.values(statuses).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(filtered.length)
    await page.locator('[data-panel="status"] [data-value="blocked"]').click()
    await expect.poll(() => listedIds(page)).toEqual([blocked])

    // Reload keeps every filter; 卡片浏览 opens the filtered deck at the top.
    await page.reload()
    await expect.poll(() => listCount(page)).toBe(1)
    expect(await listedIds(page)).toEqual([blocked])
    await page.getByTestId('list-deck').click()
    await expect.poll(() => deckPosition(page)).toEqual({ at: 1, of: 1 })
    // Done on the only card of a 有困难 deck: the card stays until the deck is opened again.
    await checkInOnCurrentCard(page, '已解决', 'done')
    expect(await currentPointId(page)).toBe(blocked)
    // The deck's 列表 toggle leads back to the same filters.
    await page.getByTestId('deck-list').click()
    await page.waitForURL(/\/list\?.*status=blocked/)
    await expect.poll(() => page.getByText('没有符合筛选条件的要点').count()).toBe(1)
    await page.getByTestId('filters-clear').click()
    await expect.poll(() => listCount(page)).toBe(66)
    expect(page.errors).toEqual([])
    await page.context().close()
  })

  it('我的单位: a unit picked on the phone is remembered, and matches by its full name', async () => {
    const page = await freshPage(browser, BASE_URL)
    const points = await readIdb<IdbPoint>(page, 'points')
    const unit = '长沙市行政审批服务局'
    const named = (p: IdbPoint, units: string[]) => units.some(u => qualifyUnit(u, p) === unit)
    const lead = points.filter(p => named(p, p.leadUnits))
    const partner = points.filter(p => !named(p, p.leadUnits) && named(p, p.partnerUnits))
    expect(lead.length).toBeGreaterThan(0)

    await page.getByTestId('my-unit-entry').click()
    await page.waitForURL(/\/list\?kind=unit/)
    await page.getByTestId('unit-input').fill('长沙市行政')
    await page.locator(`.unit-picker__option[data-unit="${unit}"]`).click()
    await page.waitForURL(/unit=/)
    await expect.poll(() => listCount(page)).toBe(lead.length + partner.length)
    // 娄底市's 市行政审批服务局 is another unit.
    expect(points.filter(p => p.region === '娄底市' && p.leadUnits.includes('市行政审批服务局')).length).toBeGreaterThan(0)
    expect((await listedIds(page)).every(id => id.startsWith('changsha-'))).toBe(true)
    await page.locator('[data-filter="role"]').click()
    const roles = await optionCounts(page, 'role')
    expect(roles.lead).toBe(lead.length)
    expect(roles.partner ?? 0).toBe(partner.length)

    // Remembered: 首页 names it, and the entry opens it again after a reload.
    await page.goto(BASE_URL)
    await expect.poll(() => page.getByTestId('my-unit-entry').textContent().then(normalizeText)).toContain(unit)
    await page.reload()
    await page.getByTestId('my-unit-entry').click()
    await expect.poll(() => page.getByTestId('my-unit').textContent().then(normalizeText)).toBe(unit)
    await expect.poll(() => listCount(page)).toBe(lead.length + partner.length)
    await page.locator('[data-testid="point-list"] .point-item').first().click()
    await expect.poll(() => deckPosition(page)).toEqual({ at: 1, of: lead.length + partner.length })
    expect(page.errors).toEqual([])
    await page.context().close()
  })

  it('我的单位 signed in: the account\'s unit, with 市直相关单位 offered when no point names it', async () => {
    const page = await freshPage(browser, server.url)
    const points = await readIdb<IdbPoint>(page, 'points')
    const collective = points.filter(p => p.region === '长沙市' && [...p.leadUnits, ...p.partnerUnits].includes('市直相关单位'))
    expect(collective.length).toBeGreaterThan(0)
    await signInOnMe(page, server.url, '王五')
    await page.getByRole('link', { name: '首页', exact: true }).click()
    await expect.poll(() => page.getByTestId('my-unit-entry').textContent().then(normalizeText)).toContain(SIGNED_IN_UNIT)
    await page.getByTestId('my-unit-entry').click()
    await expect.poll(() => page.getByTestId('unit-picker').textContent().then(normalizeText)).toContain('登录账号的单位')
    expect(await page.getByTestId('unit-change').count()).toBe(0)
    await expect.poll(() => listCount(page)).toBe(0)
    const hint = page.getByTestId('unit-collective-hint')
    expect(await hint.textContent().then(normalizeText)).toContain(`有 ${collective.length} 条`)
    await hint.getByRole('button').click()
    await page.waitForURL(/role=collective/)
    await expect.poll(() => listCount(page)).toBe(collective.length)
    expect(page.errors).toEqual([])
    await page.context().close()
  })

  it('长辈模式 特大: filters, picker and list keep 60 px targets, readable contrast and no pop-up', async () => {
    const page = await freshPage(browser, BASE_URL)
    await page.evaluate(() => {
      localStorage.setItem('ydt:elder-mode', 'true')
      localStorage.setItem('ydt:font-size', 'xlarge')
    })
    await page.goto(`${BASE_URL}/list?kind=theme&id=${THEME}&level=city`)
    await expect.poll(() => listCount(page)).toBeGreaterThan(0)
    expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true)
    await page.locator('[data-filter="lead"]').click()
    await page.locator('.list-filters__panel[data-panel="lead"]').waitFor()
    expect(await smallTargets(page, '.app-main, .tabbar', 60)).toEqual([])
    for (const { selector, ratio } of await contrastRatios(page, ['.list-filters__dim', '.list-filters__count', '.list-page__count', '.point-item__meta']))
      expect(ratio, selector).toBeGreaterThanOrEqual(4.5)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.viewport!.width)
    expect(await page.locator('.van-popup, [role="dialog"]').filter({ visible: true }).count()).toBe(0)
    await page.screenshot({ path: 'tests/e2e/.artifacts/list-elder.png' })
    await page.goto(`${BASE_URL}/list?kind=unit`)
    await page.getByTestId('unit-input').waitFor()
    await page.locator('.unit-picker__option').first().waitFor()
    expect(await smallTargets(page, '.app-main, .tabbar', 60)).toEqual([])
    await page.screenshot({ path: 'tests/e2e/.artifacts/unit-picker-elder.png' })
    await page.goto(`${BASE_URL}/deck?kind=theme&id=${THEME}&level=city`)
    await page.locator('.deck__slot[data-current="true"] article').waitFor()
    expect(await smallTargets(page, '.page-header', 60)).toEqual([])
    expect(page.errors).toEqual([])
    await page.context().close()
  })
})
