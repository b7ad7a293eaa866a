import type { Browser } from 'playwright-core'
import type { PreviewServer } from './support/server'
import { cpSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { currentPointId, launchBrowser, normalizeText, PHONE, waitForHomeData, waitForServiceWorker } from './support/browser'
import { DIST_A, DIST_B, MARKER_A, MARKER_B, UPDATE_PORT } from './support/env'
import { ARTIFACTS, startPreview } from './support/server'

const LIVE = join(ARTIFACTS, 'live')

/** "Deploys" a build: replaces what the update server serves. */
function deploy(dist: string) {
  rmSync(LIVE, { recursive: true, force: true })
  cpSync(dist, LIVE, { recursive: true })
}

describe('a new version deployed over an open app', () => {
  let browser: Browser
  let server: PreviewServer
  beforeAll(async () => {
    deploy(DIST_A)
    server = await startPreview(LIVE, UPDATE_PORT)
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    rmSync(LIVE, { recursive: true, force: true })
  })

  it('shows a banner (not during an edit) and reloads into the new build, keeping the check-in', async () => {
    const context = await browser.newContext(PHONE)
    const page = await context.newPage()
    await page.goto(`${server.url}/me`)
    await waitForServiceWorker(page)
    expect(await page.getByTestId('build-marker').textContent().then(normalizeText)).toBe(MARKER_A)

    // A check-in made on build A.
    await page.getByRole('link', { name: '首页', exact: true }).click()
    await waitForHomeData(page)
    await page.locator('.theme-grid__tile[data-theme="yijianshi"]').click()
    await page.locator('.deck__slot[data-current="true"] article').waitFor()
    const pointId = await currentPointId(page)
    const card = page.locator(`.deck__slot[data-current="true"] article[data-point="${pointId}"]`)
    await card.getByTestId('checkin-open').click()
    await page.getByTestId('checkin-form').locator('[data-status="blocked"]').click()
    await page.getByTestId('checkin-form').locator('textarea').fill('更新前的打卡')
    await page.getByTestId('checkin-save').click()
    await expect.poll(() => card.getByTestId('latest-checkin').textContent().then(normalizeText)).toContain('有困难')

    // The user is in the middle of another check-in when build B lands.
    await card.getByTestId('checkin-open').click()
    await page.getByTestId('checkin-form').waitFor()
    deploy(DIST_B)
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration()
      await registration?.update()
    })
    await expect.poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting)), { timeout: 30_000 }).toBe(true)
    await page.waitForTimeout(500)
    expect(await page.getByTestId('update-banner').count()).toBe(0)
    expect(await page.locator('.van-overlay, [role="dialog"]').filter({ hasText: '新版本' }).count()).toBe(0)

    // Closing the form lets the banner through; it is a banner, not a modal.
    await page.getByTestId('checkin-form').getByRole('button', { name: '取消' }).click()
    const banner = page.getByTestId('update-banner')
    await banner.waitFor({ timeout: 10_000 })
    expect(await banner.getAttribute('role')).toBe('status')
    expect(await page.getByTestId('deck-next').isEnabled()).toBe(true)

    await Promise.all([
      page.waitForEvent('load', { timeout: 30_000 }),
      banner.getByRole('button', { name: '立即更新' }).click(),
    ])
    await page.locator(`.deck__slot[data-current="true"] article[data-point="${pointId}"]`).waitFor()
    const after = page.locator(`.deck__slot[data-current="true"] article[data-point="${pointId}"]`)
    await expect.poll(() => after.getByTestId('latest-checkin').textContent().then(normalizeText)).toContain('有困难')
    await after.locator('.checkin-history__summary').click()
    expect(await after.locator('.checkin-history__list').textContent().then(normalizeText)).toContain('更新前的打卡')

    await page.getByRole('link', { name: '我的', exact: true }).click()
    await expect.poll(() => page.getByTestId('build-marker').textContent().then(normalizeText)).toBe(MARKER_B)
    expect(await page.getByTestId('update-banner').count()).toBe(0)
    await context.close()
  })
})
