import type { Browser, Page } from 'playwright-core'
import type { SyncServer } from './support/sync-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, normalizeText, PHONE, waitForHomeData, waitForServiceWorker } from './support/browser'
import { e2ePort } from './support/env'
import { checkInOnCurrentCard, localSyncRows, openThemeDeck, signInOnMe } from './support/sync-actions'
import { apiLogin, apiPullAll, readIdb, startSyncServer } from './support/sync-server'

// One browser profile shared by 张三 and 李四, as the phone of a 便民服务站 is, against the real server.
const UNIT = '长沙市芙蓉区便民服务站'

describe('a shared phone: whose check-ins are whose', () => {
  let browser: Browser
  let server: SyncServer
  beforeAll(async () => {
    ;[browser, server] = await Promise.all([
      launchBrowser(),
      startSyncServer(e2ePort(12), [{ name: '张三', unit: UNIT }, { name: '李四', unit: UNIT }, { name: '王五', unit: UNIT }]),
    ])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.dispose()
  })

  async function freshPage(): Promise<Page> {
    const page = await (await browser.newContext(PHONE)).newPage()
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error' && !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(message.text()))
        errors.push(message.text())
    })
    Object.assign(page, { consoleErrors: errors })
    await page.goto(server.url)
    await waitForServiceWorker(page)
    await waitForHomeData(page)
    return page
  }
  const consoleErrors = (page: Page) => (page as Page & { consoleErrors: string[] }).consoleErrors

  async function openMe(page: Page): Promise<void> {
    await page.getByRole('link', { name: '我的', exact: true }).click()
    await page.waitForURL(`${server.url}/me`)
  }

  async function favoriteCurrentCard(page: Page): Promise<string> {
    const card = page.locator('.deck__slot[data-current="true"] article')
    const id = (await card.getAttribute('data-point'))!
    await card.getByTestId('favorite').click()
    await expect.poll(() => card.getByTestId('favorite').getAttribute('aria-pressed')).toBe('true')
    return id
  }

  async function favoritesShown(page: Page): Promise<string[]> {
    await page.getByRole('link', { name: '收藏', exact: true }).click()
    await page.waitForURL(`${server.url}/favorites`)
    await page.locator('.favorites__note, [data-testid="favorites-list"]').first().waitFor()
    return page.locator('[data-testid="favorites-list"] [data-point]').evaluateAll(items => items.map(i => i.getAttribute('data-point')!))
  }

  async function historyCount(page: Page, pointId: string): Promise<number> {
    await page.goto(`${server.url}/point/${pointId}`)
    await page.locator(`article[data-point="${pointId}"]`).waitFor()
    // Once the history has answered: before that the card says 读取中…, neither none nor some.
    await page.locator(`article[data-point="${pointId}"] [data-testid="latest-checkin"]:not([aria-busy])`).waitFor()
    return page.locator(`article[data-point="${pointId}"] .checkin-history__item`).count()
  }

  it('keeps 张三\'s offline check-ins and favorites from 李四, and syncs them once when 张三 is back', async () => {
    const page = await freshPage()
    await signInOnMe(page, server.url, '张三')

    // Offline: three check-ins on three cards, two favorites.
    await page.context().setOffline(true)
    await openThemeDeck(page, server.url)
    const points: string[] = []
    const favorites: string[] = []
    for (let i = 1; i <= 3; i++) {
      points.push(await checkInOnCurrentCard(page, `张三离线打卡 ${i}`))
      if (i <= 2)
        favorites.push(await favoriteCurrentCard(page))
      if (i < 3)
        await page.getByTestId('deck-next').click()
    }

    // 退出登录 says what is unsynced, and offers to sync first (not possible offline) or to keep it on the phone.
    await openMe(page)
    await page.getByTestId('sign-out').click()
    const warning = normalizeText(await page.getByTestId('sign-out-warning').textContent())
    expect(warning).toContain('张三 还有 5 条更改未同步')
    expect(await page.getByTestId('sign-out-sync-first').isDisabled()).toBe(true)
    await page.getByTestId('sign-out-keep').click()
    await page.getByTestId('sign-in-form').waitFor()
    expect((await localSyncRows(page)).outbox).toHaveLength(5)

    // 李四 signs in on the same phone: none of 张三's rows are his to see or to send.
    await page.context().setOffline(false)
    await signInOnMe(page, server.url, '李四')
    await expect.poll(() => page.getByTestId('sync-state-text').textContent().then(normalizeText), { timeout: 15_000 }).toBe('已同步')
    expect(await page.getByTestId('local-data-question').count()).toBe(0) // 张三's rows are not 本机 rows
    expect(await favoritesShown(page)).toEqual([])
    for (const pointId of points)
      expect(await historyCount(page, pointId)).toBe(0)
    expect(normalizeText(await page.getByTestId('latest-checkin').textContent())).toBe('尚未打卡')
    const heldByLi = await apiPullAll(server.url, await apiLogin(server.url, '李四'))
    expect(heldByLi.checkins.filter(c => c.mine)).toEqual([])
    expect(heldByLi.favorites).toEqual([])
    expect((await apiPullAll(server.url, await apiLogin(server.url, '张三'))).checkins).toEqual([])
    // Still on the phone, untouched, waiting for 张三.
    const outbox = await readIdb<{ owner: string, state: string }>(page, 'outbox')
    expect(outbox.map(r => [r.owner, r.state])).toEqual(Array.from({ length: 5 }, () => ['张三', 'pending']))

    // 李四 has nothing unsynced: 退出登录 says so.
    await openMe(page)
    await page.getByTestId('sign-out').click()
    expect(normalizeText(await page.getByTestId('sign-out-warning').textContent())).toBe('李四 的打卡和收藏都已同步到服务器。')
    await page.getByTestId('sign-out-keep').click()

    // 张三 signs in again: his five changes go up, exactly once each.
    await signInOnMe(page, server.url, '张三')
    await expect.poll(() => page.getByTestId('sync-state-text').textContent().then(normalizeText), { timeout: 15_000 }).toBe('已同步')
    const local = await localSyncRows(page)
    expect(local.outbox).toEqual([])
    const held = await apiPullAll(server.url, await apiLogin(server.url, '张三'))
    expect(held.checkins.map(c => c.id).sort()).toEqual(local.checkins.map(c => c.id).sort())
    expect(held.checkins.map(c => c.note).sort()).toEqual(['张三离线打卡 1', '张三离线打卡 2', '张三离线打卡 3'])
    expect(held.favorites.map(f => f.pointId).sort()).toEqual([...favorites].sort())
    expect(await favoritesShown(page)).toEqual(expect.arrayContaining(favorites))
    expect(await historyCount(page, points[0]!)).toBe(1)

    // 李四 back on the phone sees 张三's progress as a colleague's, read-only, and never himself in 同事进展.
    await openMe(page)
    await page.getByTestId('sign-out').click()
    await page.getByTestId('sign-out-keep').click()
    await signInOnMe(page, server.url, '李四')
    await expect.poll(() => page.getByTestId('sync-state-text').textContent().then(normalizeText), { timeout: 15_000 }).toBe('已同步')
    await page.goto(`${server.url}/point/${points[0]}`)
    const colleagues = page.locator(`article[data-point="${points[0]}"]`).getByTestId('unit-checkins')
    await colleagues.waitFor()
    expect(await colleagues.locator('li').evaluateAll(items => items.map(i => i.getAttribute('data-author')))).toEqual(['张三'])
    expect(await page.locator(`article[data-point="${points[0]}"] .checkin-history__item`).count()).toBe(0)
    expect(consoleErrors(page)).toEqual([])
    await page.context().close()
  })

  it('adopts changes made before any sign-in only when the user agrees', async () => {
    const page = await freshPage()
    await openThemeDeck(page, server.url)
    const pointId = await checkInOnCurrentCard(page, '未登录时的打卡')
    await favoriteCurrentCard(page)

    await signInOnMe(page, server.url, '王五')
    const question = page.getByTestId('local-data-question')
    await question.waitFor()
    expect(normalizeText(await question.textContent())).toContain('1 条打卡、1 条收藏')
    await expect.poll(() => page.getByTestId('sync-state-text').textContent().then(normalizeText), { timeout: 15_000 }).toBe('已同步')
    const mineOnServer = async () => (await apiPullAll(server.url, await apiLogin(server.url, '王五'))).checkins.filter(c => c.mine)
    expect(await mineOnServer()).toEqual([])

    // 保留在本机: 王五 does not see them, the server gets nothing.
    await page.getByTestId('local-data-keep').click()
    await question.waitFor({ state: 'detached' })
    expect(await favoritesShown(page)).toEqual([])
    expect(await historyCount(page, pointId)).toBe(0)
    expect(await mineOnServer()).toEqual([])

    // Signed out, the 本机 rows are there again.
    await openMe(page)
    await page.getByTestId('sign-out').click()
    await page.getByTestId('sign-out-keep').click()
    expect(await favoritesShown(page)).toEqual([pointId])
    expect(await historyCount(page, pointId)).toBe(1)

    // Next sign-in, 合并到此账号: now they are 王五's and go up once.
    await signInOnMe(page, server.url, '王五')
    await page.getByTestId('local-data-merge').click()
    await question.waitFor({ state: 'detached' })
    await expect.poll(async () => (await mineOnServer()).map(c => c.note), { timeout: 15_000 }).toEqual(['未登录时的打卡'])
    expect((await apiPullAll(server.url, await apiLogin(server.url, '王五'))).favorites.map(f => f.pointId)).toEqual([pointId])
    expect(await favoritesShown(page)).toEqual([pointId])
    expect(consoleErrors(page)).toEqual([])
    await page.context().close()
  })

  it('refuses a NUL in a note at the sheet, and sets a bad mutation apart while five good ones sync', async () => {
    const page = await freshPage()
    await signInOnMe(page, server.url, '李四')
    await openThemeDeck(page, server.url)
    const card = page.locator('.deck__slot[data-current="true"] article')
    await card.getByTestId('checkin-open').click()
    const form = page.getByTestId('checkin-form')
    await form.locator('textarea').fill('材料已报送\u0000')
    await form.getByTestId('checkin-save').click()
    const error = form.getByTestId('checkin-error')
    await error.waitFor()
    expect(normalizeText(await error.textContent())).toContain('备注中有 1 个无法保存的字符')
    expect(await readIdb(page, 'checkins')).toEqual([])
    await error.getByTestId('checkin-clean-note').click()
    expect(await form.locator('textarea').inputValue()).toBe('材料已报送')
    await form.getByTestId('checkin-save').click()
    await form.waitFor({ state: 'detached' })
    await expect.poll(async () => (await readIdb<{ note: string }>(page, 'checkins')).map(c => c.note)).toEqual(['材料已报送'])

    // A bad mutation forced into the outbox the way the app writes one (as an older version or a bug might).
    await page.context().setOffline(true)
    const badId = await page.evaluate(() => new Promise<string>((resolve, reject) => {
      const open = indexedDB.open('yaodiantong')
      open.onsuccess = () => {
        const id = crypto.randomUUID()
        const now = new Date()
        const checkin = { id: crypto.randomUUID(), pointId: 'hunan-2023-zwfw-1', status: 'done', progress: 100, note: 'bad \u0000 \uD800', createdAt: now.toISOString(), deviceId: 'e2e' }
        const tx = open.result.transaction(['checkins', 'outbox'], 'readwrite')
        tx.objectStore('checkins').put({ ...checkin, owner: '李四', syncState: 'pending' })
        tx.objectStore('outbox').put({ id, owner: '李四', mutation: { id, kind: 'checkin.create', checkin }, createdAt: now.toISOString(), attempts: 0, nextAttemptAt: now.getTime(), state: 'pending' })
        tx.oncomplete = () => resolve(id)
        tx.onerror = () => reject(tx.error)
      }
      open.onerror = () => reject(open.error)
    }))
    const notes: string[] = []
    for (let i = 1; i <= 5; i++) {
      notes.push(`好的打卡 ${i}`)
      await checkInOnCurrentCard(page, notes.at(-1)!)
    }
    await page.context().setOffline(false)
    await openMe(page)
    const apart = page.locator(`[data-rejected="${badId}"]`)
    await apart.waitFor({ timeout: 20_000 })
    expect(normalizeText(await apart.textContent())).toContain('内容含有无法保存的字符')
    await expect.poll(async () => (await apiPullAll(server.url, await apiLogin(server.url, '李四'))).checkins.filter(c => c.mine).map(c => c.note).sort(), { timeout: 15_000 })
      .toEqual(['材料已报送', ...notes].sort())
    const outbox = await readIdb<{ id: string, state: string }>(page, 'outbox')
    expect(outbox).toEqual([expect.objectContaining({ id: badId, state: 'rejected' })])
    // The server holds them: the word follows once the engine's round ends.
    await expect.poll(async () => normalizeText(await page.getByTestId('sync-state-text').textContent()), { timeout: 15_000 }).toBe('已同步')

    // 退出并清除本机数据 names what goes before it goes; the server keeps what was synced.
    await page.getByTestId('sign-out').click()
    await page.getByTestId('sign-out-clear').click()
    expect(normalizeText(await page.getByTestId('sign-out-clear-warning').textContent()))
      .toBe('将从本机删除 李四 的 7 条打卡记录、0 条收藏、1 条未能同步的更改。已同步的记录仍在服务器上，再次登录即可取回。')
    await page.getByTestId('sign-out-clear-confirm').click()
    await page.getByTestId('sign-in-form').waitFor()
    expect(await readIdb(page, 'outbox')).toEqual([])
    expect(await readIdb(page, 'checkins')).toEqual([])
    expect((await apiPullAll(server.url, await apiLogin(server.url, '李四'))).checkins.filter(c => c.mine)).toHaveLength(6)
    expect(consoleErrors(page)).toEqual([])
    await page.context().close()
  })
})
