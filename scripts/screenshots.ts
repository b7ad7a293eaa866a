// Screenshots of 首页, a card deck, the 打卡 sheet, 导入 (a file chosen, its preview), 长辈模式 (首页, inline 打卡,
// 我的, 导入), 我的 signed in with its sync state, and every page in normal mode and 长辈模式 特大 (screenshot-pages.ts), at 390×844 → docs/screenshots/*.png. Builds the app, serves it with `vite preview` on port 4312 (and
// with the real sync server on 4329 for the signed-in shot) and drives Debian's Chromium.
import type { Page } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fixturePath, IMPORT_FIXTURES } from '../tests/e2e/fixtures/import'
import { launchBrowser, PHONE, waitForHomeData, waitForServiceWorker } from '../tests/e2e/support/browser'
import { ARTIFACTS, buildApp, ROOT, startPreview } from '../tests/e2e/support/server'
import { checkInOnCurrentCard, openThemeDeck, signInOnMe } from '../tests/e2e/support/sync-actions'
import { startSyncServer } from '../tests/e2e/support/sync-server'
import { shootEveryPage } from './screenshot-pages'

const OUT = join(ROOT, 'docs/screenshots')
const DIST = join(ARTIFACTS, 'dist-screenshots')

async function shot(page: Page, name: string) {
  // Let fonts and transitions settle so the picture shows the resting state.
  await page.evaluate(() => document.fonts.ready)
  await page.waitForTimeout(400)
  const path = join(OUT, `${name}.png`)
  await page.screenshot({ path })
  console.log(`wrote ${path}`)
}

async function main() {
  mkdirSync(OUT, { recursive: true })
  await buildApp(DIST, 'screenshots')
  const server = await startPreview(DIST, 4312)
  const browser = await launchBrowser()
  try {
    const context = await browser.newContext({ ...PHONE, deviceScaleFactor: 2 })
    const page = await context.newPage()
    await page.goto(server.url)
    await waitForHomeData(page)
    await shot(page, 'home')

    await page.locator('.theme-grid__tile[data-theme="yijianshi"]').click()
    await page.locator('.deck__slot[data-current="true"] article').waitFor()
    await page.getByTestId('deck-next').click()
    await shot(page, 'deck')

    await page.locator('.deck__slot[data-current="true"]').getByTestId('checkin-open').click()
    await page.getByTestId('checkin-form').waitFor()
    await page.getByTestId('checkin-form').locator('[data-status="in_progress"]').click()
    await page.getByTestId('checkin-form').locator('textarea').fill('已完成系统对接方案，待联调')
    await shot(page, 'checkin-sheet')
    await page.getByTestId('checkin-save').click()
    await page.getByTestId('checkin-form').waitFor({ state: 'detached' })

    await shootImport(page, '')

    await page.getByRole('link', { name: '首页', exact: true }).click()
    await page.getByTestId('elder-toggle').click()
    await waitForHomeData(page)
    await shot(page, 'elder-home')

    await page.locator('.theme-grid__tile[data-theme="yijianshi"]').click()
    await page.locator('.deck__slot[data-current="true"] article').waitFor()
    await page.locator('.deck__slot[data-current="true"]').getByTestId('checkin-open').click()
    await page.getByTestId('checkin-form').scrollIntoViewIfNeeded()
    await shot(page, 'elder-checkin')

    await page.getByRole('link', { name: '我的', exact: true }).click()
    await page.getByTestId('build-marker').waitFor()
    await shot(page, 'elder-me')
    await shootImport(page, 'elder-')
    await context.close()

    await shootSignedInMe(browser)
    const errors = await shootEveryPage(browser, server.url, shot)
    for (const e of errors)
      console.error(`console error: ${e}`)
    if (errors.length)
      process.exitCode = 1
  }
  finally {
    await browser.close()
    await server.close()
  }
}

/** 导入 from 首页: the first fixture document chosen, then its preview (cancelled, so nothing is stored). */
async function shootImport(page: Page, prefix: string) {
  const fixture = IMPORT_FIXTURES[0]!
  await page.getByRole('link', { name: '首页', exact: true }).click()
  await page.getByTestId('home-import').click()
  await page.getByTestId('import-file-input').setInputFiles(fixturePath(fixture.file))
  await page.getByTestId('import-chosen').waitFor()
  await shot(page, `${prefix}import-chosen`)
  await page.getByTestId('import-parse').click()
  await page.getByTestId('import-summary').waitFor({ timeout: 30_000 })
  await shot(page, `${prefix}import-preview`)
  await page.getByTestId('import-confirm').scrollIntoViewIfNeeded()
  await shot(page, `${prefix}import-preview-confirm`)
  await page.getByTestId('import-cancel').click()
}

/**
 * 我的 signed in against the real sync server: the 本机 question, account, unit, sync state and last synced time,
 * then 退出登录 with an unsynced change (normal and 长辈模式).
 */
async function shootSignedInMe(browser: Awaited<ReturnType<typeof launchBrowser>>) {
  const sync = await startSyncServer(4329, [{ name: 'zhangwei', unit: '长沙市政务服务中心' }], DIST)
  try {
    const context = await browser.newContext({ ...PHONE, deviceScaleFactor: 2 })
    const page = await context.newPage()
    await page.goto(sync.url)
    await waitForServiceWorker(page)
    await waitForHomeData(page)
    await openThemeDeck(page, sync.url)
    await checkInOnCurrentCard(page, '已完成系统对接方案，待联调')
    await signInOnMe(page, sync.url, 'zhangwei')
    await page.getByTestId('local-data-question').waitFor()
    await shot(page, 'me-local-question')
    await page.getByTestId('local-data-merge').click()
    await page.getByTestId('sync-summary').filter({ hasText: '已同步' }).waitFor({ timeout: 20_000 })
    await shot(page, 'me-sync')

    await context.setOffline(true)
    await openThemeDeck(page, sync.url)
    await page.locator('.deck__slot[data-current="true"]').getByTestId('checkin-open').click()
    await page.getByTestId('checkin-form').locator('textarea').fill('联调完成\u0000')
    await page.getByTestId('checkin-save').click()
    await page.getByTestId('checkin-error').waitFor()
    await shot(page, 'checkin-unstorable')
    await page.getByTestId('checkin-clean-note').click()
    await page.getByTestId('checkin-save').click()
    await page.getByTestId('checkin-form').waitFor({ state: 'detached' })
    await page.getByRole('link', { name: '我的', exact: true }).click()
    await page.getByTestId('sign-out').click()
    await page.getByTestId('sign-out-warning').scrollIntoViewIfNeeded()
    await shot(page, 'me-sign-out')
    await page.getByTestId('sign-out-clear').click()
    await page.getByTestId('sign-out-clear-warning').scrollIntoViewIfNeeded()
    await shot(page, 'me-sign-out-clear')

    await page.getByRole('link', { name: '首页', exact: true }).click()
    await page.getByTestId('elder-toggle').click()
    await page.getByRole('link', { name: '我的', exact: true }).click()
    await page.getByTestId('sign-out').click()
    await page.getByTestId('sign-out-warning').scrollIntoViewIfNeeded()
    await shot(page, 'elder-sign-out')
    await context.close()
  }
  finally {
    await sync.dispose()
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
