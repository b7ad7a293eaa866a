import type { Browser, Page } from 'playwright-core'
import type { SyncServer } from './support/sync-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, normalizeText, PHONE, waitForHomeData, waitForServiceWorker } from './support/browser'
import { e2ePort } from './support/env'
import { checkInOnCurrentCard, openThemeDeck, signInOnMe } from './support/sync-actions'
import { startSyncServer } from './support/sync-server'

// 本单位进度 on 进度看板: a colleague's check-ins, pulled, counted beside one's own (read-only); another unit's not.
const UNIT = '长沙市芙蓉区便民服务站'
const THEME = 'yijianshi'

describe('进度看板 of a unit, from colleagues\' check-ins', () => {
  let browser: Browser
  let server: SyncServer
  beforeAll(async () => {
    ;[browser, server] = await Promise.all([
      launchBrowser(),
      startSyncServer(e2ePort(32), [{ name: '张三', unit: UNIT }, { name: '李四', unit: UNIT }, { name: '赵六', unit: '岳麓区便民服务站' }]),
    ])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.dispose()
  })

  async function signedIn(name: string): Promise<Page> {
    const page = await (await browser.newContext(PHONE)).newPage()
    await page.goto(server.url)
    await waitForServiceWorker(page)
    await waitForHomeData(page)
    await signInOnMe(page, server.url, name)
    return page
  }

  async function synced(page: Page): Promise<void> {
    await expect.poll(() => page.getByTestId('sync-state-text').textContent().then(normalizeText), { timeout: 20_000 }).toBe('已同步')
  }

  async function figure(page: Page, board: 'board-mine' | 'board-unit', id: string): Promise<number> {
    const text = normalizeText(await page.locator(`[data-testid="${board}"] [data-testid="${id}"]`).textContent())
    return Number(/\d+/.exec(text)?.[0] ?? Number.NaN)
  }

  it('shows 张三\'s 已完成 to 李四 under 本单位进度, not under his own, and nothing of it to another unit', async () => {
    const zhang = await signedIn('张三')
    await openThemeDeck(zhang, server.url)
    await checkInOnCurrentCard(zhang, '已办结', 'done')
    await zhang.goto(`${server.url}/me`)
    await synced(zhang)

    const li = await signedIn('李四')
    await synced(li)
    await li.goto(`${server.url}/board/theme/${THEME}`)
    await li.locator('[data-testid="board-unit"] [data-testid="board-percent"]').waitFor({ timeout: 20_000 })
    const total = await figure(li, 'board-mine', 'board-total')
    expect(total).toBeGreaterThan(1)
    expect(await figure(li, 'board-mine', 'board-done')).toBe(0)
    expect(await figure(li, 'board-unit', 'board-total')).toBe(total)
    expect(await figure(li, 'board-unit', 'board-done')).toBe(1)
    expect(normalizeText(await li.locator('[data-testid="board-unit"] h2').textContent())).toContain('只读')

    const zhao = await signedIn('赵六')
    await synced(zhao)
    await zhao.goto(`${server.url}/board/theme/${THEME}`)
    await zhao.locator('[data-testid="board-mine"] [data-testid="board-percent"]').waitFor()
    expect(await figure(zhao, 'board-mine', 'board-done')).toBe(0)
    expect(await zhao.getByTestId('board-unit').count()).toBe(0)
    for (const page of [zhang, li, zhao])
      await page.context().close()
  })
})
