import type { Browser, Page } from 'playwright-core'
import type { BoardPoint } from '../../src/domain/board'
import type { CheckinStatus } from '../../src/domain/progress'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { computeBoard } from '../../src/domain/board'
import { currentPlanIds } from '../../src/domain/plan-currency'
import { launchBrowser, normalizeText, PHONE, waitForHomeData, waitForServiceWorker } from './support/browser'
import { BASE_URL, e2ePort } from './support/env'
import { checkInOnCurrentCard } from './support/sync-actions'
import { readIdb } from './support/sync-server'

// 进度看板 of a plan: its figures against the stored points and this test's own check-ins, a figure opening the
// matching list, offline from IndexedDB, and in 长辈模式. The aggregation itself is hand-checked in board.test.ts.

interface IdbPoint { id: string, planId: string, sectionNo: number, sectionTitle: string, deadline: string | null, order: number }
interface IdbPlan { id: string, year: number | null, series?: string }

const PLAN_ID = 'hunan-2023-zwgk'
void e2ePort(29) // this spec's port (it needs no server of its own)

async function figure(page: Page, id: string): Promise<number> {
  const text = normalizeText(await page.locator(`[data-testid="board-mine"] [data-testid="${id}"]`).textContent())
  return Number(/\d+/.exec(text)?.[0] ?? Number.NaN)
}

async function planPoints(page: Page, today: Date): Promise<BoardPoint[]> {
  const [points, plans] = await Promise.all([readIdb<IdbPoint>(page, 'points'), readIdb<IdbPlan>(page, 'plans')])
  const current = currentPlanIds(plans as never, today)
  return points.filter(p => p.planId === PLAN_ID).sort((a, b) => a.order - b.order).map(p => ({ id: p.id, sectionNo: p.sectionNo, sectionTitle: p.sectionTitle, deadline: p.deadline, current: current.has(p.planId) }))
}

async function expected(page: Page, latest: Map<string, CheckinStatus>) {
  return computeBoard(await planPoints(page, new Date()), latest, new Date())
}

describe('进度看板', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('shows a plan\'s figures, opens the matching list, works offline and in 长辈模式', async () => {
    const context = await browser.newContext(PHONE)
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', e => errors.push(String(e)))
    await page.goto(BASE_URL)
    await waitForServiceWorker(page)
    await waitForHomeData(page)
    await expect.poll(() => readIdb(page, 'plans').then(r => r.length), { timeout: 30_000 }).toBeGreaterThanOrEqual(8)

    // Two check-ins on the plan's first two points.
    const first = `${PLAN_ID}-1`
    const second = `${PLAN_ID}-2`
    await page.goto(`${BASE_URL}/deck?kind=plan&id=${PLAN_ID}&at=${first}`)
    await checkInOnCurrentCard(page, '已办结', 'done')
    await page.goto(`${BASE_URL}/deck?kind=plan&id=${PLAN_ID}&at=${second}`)
    await checkInOnCurrentCard(page, '缺少数据', 'blocked')
    const want = await expected(page, new Map([[first, 'done'], [second, 'blocked']]))
    expect(want.total).toBeGreaterThan(2)

    await page.goto(`${BASE_URL}/plan/${PLAN_ID}`)
    await page.getByTestId('plan-board').click()
    await page.getByTestId('board-percent').waitFor()
    expect(await figure(page, 'board-total')).toBe(want.total)
    expect(await figure(page, 'board-done')).toBe(1)
    expect(await figure(page, 'board-blocked')).toBe(1)
    expect(await figure(page, 'board-in_progress')).toBe(0)
    expect(await figure(page, 'board-none')).toBe(want.total - 2)
    expect(await figure(page, 'board-percent')).toBe(want.percent)
    expect(await figure(page, 'board-overdue')).toBe(want.overdue)
    expect(await figure(page, 'board-due-soon')).toBe(want.dueSoon)
    // The ring tells its figure in words too.
    expect(await page.locator('[data-testid="board-mine"] [role="img"]').getAttribute('aria-label')).toContain(`完成率 ${want.percent}%`)
    expect(await page.locator('.board-bars li').count()).toBe(want.sections.length > 1 ? Math.min(want.sections.length, 20) : 0)

    // 有困难 opens the plan's list filtered to it: exactly the blocked point.
    await page.locator('[data-testid="board-mine"] [data-testid="board-blocked"]').click()
    await page.waitForURL(/\/list\?.*status=blocked/)
    await expect.poll(() => page.locator('[data-testid="point-list"] .point-item').evaluateAll(els => els.map(el => el.getAttribute('data-point'))), { timeout: 10_000 }).toEqual([second])

    // Offline: the board is drawn from IndexedDB.
    await context.setOffline(true)
    await page.goto(`${BASE_URL}/board/plan/${PLAN_ID}`)
    await page.getByTestId('board-percent').waitFor()
    expect(await figure(page, 'board-done')).toBe(1)
    await context.setOffline(false)

    // 长辈模式: the same figures, bigger, and nothing wider than the phone.
    await page.evaluate(() => localStorage.setItem('ydt:elder-mode', 'true'))
    await page.reload()
    await page.getByTestId('board-percent').waitFor()
    expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true)
    expect(await figure(page, 'board-total')).toBe(want.total)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    const size = await page.locator('[data-testid="board-mine"] [data-testid="board-done"]').evaluate(el => Number.parseFloat(getComputedStyle(el).fontSize))
    expect(size).toBeGreaterThanOrEqual(18)
    expect(errors).toEqual([])
    await context.close()
  })

  it('opens the plan\'s own points due within 30 days from 30 天内到期, on a clock where some are', async () => {
    const context = await browser.newContext(PHONE)
    const now = new Date('2023-12-10T09:00:00+08:00')
    await context.clock.setFixedTime(now)
    const page = await context.newPage()
    await page.goto(BASE_URL)
    await waitForHomeData(page)
    await expect.poll(() => readIdb(page, 'plans').then(r => r.length), { timeout: 30_000 }).toBeGreaterThanOrEqual(8)
    const board = computeBoard(await planPoints(page, now), new Map(), now)
    expect(board.dueSoon).toBeGreaterThan(0)
    const due = (await planPoints(page, now)).filter(p => p.deadline !== null && p.deadline >= '2023-12-10' && p.deadline <= '2024-01-09').map(p => p.id)
    expect(due).toHaveLength(board.dueSoon)

    await page.goto(`${BASE_URL}/board/plan/${PLAN_ID}`)
    await page.getByTestId('board-percent').waitFor()
    expect(await figure(page, 'board-due-soon')).toBe(board.dueSoon)
    await page.locator('[data-testid="board-mine"] [data-testid="board-due-soon"]').click()
    await page.waitForURL(/\/list\?.*status=due_soon/)
    // This plan's points, not every plan's 临近截止.
    await expect.poll(() => page.locator('[data-testid="point-list"] .point-item').evaluateAll(els => els.map(el => el.getAttribute('data-point')).sort()), { timeout: 10_000 }).toEqual([...due].sort())
    await context.close()
  })
})
