import type { Browser, Page } from 'playwright-core'
import type { SyncServer } from './support/sync-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROUTES } from './routes'
import { launchBrowser, PHONE, waitForHomeData, waitForServiceWorker } from './support/browser'
import { e2ePort } from './support/env'
import { watchContext } from './support/page-watch'
import { startSyncServer } from './support/sync-server'

// Served by the real server, so the Content-Security-Policy applies as it does in production.
describe('every page keeps the console clean, online and offline', () => {
  let browser: Browser
  let server: SyncServer
  beforeAll(async () => {
    ;[browser, server] = await Promise.all([launchBrowser(), startSyncServer(e2ePort(20), [])])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.dispose()
  })

  async function visit(page: Page, path: string, ready: string): Promise<void> {
    await page.goto(`${server.url}${path}`)
    await page.locator(ready).first().waitFor({ timeout: 20_000 })
    // Late work (live queries, the search worker, fonts) has a moment to fail too.
    await page.waitForTimeout(400)
  }

  it('logs no error, no page error, no CSP violation and sends nothing to another origin', async () => {
    const context = await browser.newContext(PHONE)
    const watch = await watchContext(context, server.url)
    const page = await context.newPage()
    await page.goto(server.url)
    await waitForServiceWorker(page)
    await waitForHomeData(page)

    for (const offline of [false, true]) {
      await context.setOffline(offline)
      for (const { path, ready } of ROUTES) {
        await visit(page, path, ready)
        expect(await page.evaluate(() => navigator.onLine), path).toBe(!offline)
        // Every font the page uses is ours (the Vant icon font is not in the build at all).
        const fonts = await page.evaluate(() => [...document.fonts].map(f => f.family))
        expect(fonts.filter(f => /vant/i.test(f)), path).toEqual([])
        await watch.collect(page)
      }
    }
    expect(watch.faults()).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [], foreignRequests: [] })
    await context.close()
  })

  it('would notice: an outside image is refused, reported and counted', async () => {
    const context = await browser.newContext(PHONE)
    const watch = await watchContext(context, server.url)
    const page = await context.newPage()
    await page.goto(`${server.url}/about`)
    await page.getByTestId('about-intro').waitFor()
    await page.evaluate(() => {
      const img = document.createElement('img')
      img.src = 'https://cdn.example.com/x.png'
      document.body.append(img)
    })
    await expect.poll(async () => {
      await watch.collect(page)
      return watch.faults().cspViolations.length
    }).toBeGreaterThan(0)
    expect(watch.faults().consoleErrors.length).toBeGreaterThan(0)
    await context.close()
  })
})
