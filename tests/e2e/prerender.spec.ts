import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { PreviewServer } from './support/server'
import { cpSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ELDER_MODE_KEY } from '../../src/stores/display-size'
import { deckPosition, launchBrowser, normalizeText, PHONE, touchSwipe, waitForServiceWorker } from './support/browser'
import { BASE_URL, DIST_A, DIST_B, e2ePort, MARKER_B } from './support/env'
import { ARTIFACTS, startPreview } from './support/server'

// The prerendered 首页 (scripts/vite-plugin-prerender.ts): painted before any script, taken over by the app without
// a shift, and the offline start, the update banner and the deck all still work over it.

const SHOTS = process.env.PRERENDER_SHOTS_DIR
/** The app's own bundle: blocking it shows what the HTML alone paints. */
const APP_BUNDLE = /\/assets\/index-[\w-]+\.js$/
/** The full stylesheet, which loads at the end of <body>, after the first paint. */
const STYLESHEET = /\/assets\/[\w-]+\.css$/

/** Box and type of every element of the prerendered page, as laid out now. */
function prerenderLayout(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('[data-prerender] *')].map((el) => {
    const r = el.getBoundingClientRect()
    const cs = getComputedStyle(el)
    return [el.tagName, el.getAttribute('class'), r.top, r.left, r.width, r.height, cs.fontSize, cs.lineHeight, cs.color, cs.backgroundColor].join(' ')
  }))
}

declare global {
  interface Window { __shift?: { cls: number, sources: string[] }, __prerendered?: string[] }
}

/** Records the theme names the parser put in the prerendered markup, before any script of the page ran. */
async function watchPrerender(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    window.__prerendered = []
    new MutationObserver((records) => {
      for (const r of records) {
        for (const node of r.addedNodes) {
          if (node instanceof Element && node.matches('[data-prerender] .theme-grid__name'))
            window.__prerendered!.push(node.textContent ?? '')
        }
      }
    }).observe(document, { childList: true, subtree: true })
  })
}

/** Sums layout shifts from the very first frame, as CLS counts them, in every page of the context. */
async function watchShifts(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const shift = { cls: 0, sources: [] as string[] }
    window.__shift = shift
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number, hadRecentInput: boolean, sources?: { node?: Node }[] })[]) {
        if (entry.hadRecentInput)
          continue
        shift.cls += entry.value
        for (const s of entry.sources ?? [])
          shift.sources.push(s.node instanceof Element ? `${s.node.tagName}.${s.node.className}` : String(s.node?.nodeName))
      }
    }).observe({ type: 'layout-shift', buffered: true })
  })
}

/**
 * Console errors, Vue's warnings (hydration mismatches among them) and uncaught errors. Other warnings are left to
 * console-clean.spec.ts: `vite preview` has no /api, so the sync engine rightly warns here.
 */
function watchConsole(page: Page): string[] {
  const found: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' || (m.type() === 'warning' && /vue|hydrat/i.test(m.text())))
      found.push(`${m.type()}: ${m.text()}`)
  })
  page.on('pageerror', e => found.push(`pageerror: ${e.message}`))
  return found
}

/** Waits until 临近截止 shows IndexedDB's answer: the last thing on 首页 that changes after the app starts. */
async function waitForDueSoon(page: Page): Promise<void> {
  await page.getByTestId('due-count').waitFor({ timeout: 30_000 })
}

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS)
    await page.screenshot({ path: join(SHOTS, `${name}.png`) })
}

describe('the prerendered 首页', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('paints the themes and plans from the HTML alone, without JavaScript', async () => {
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(BASE_URL)
    const tiles = page.locator('.theme-grid__tile')
    expect(await tiles.count()).toBeGreaterThanOrEqual(6)
    await tiles.first().waitFor({ state: 'visible' })
    expect(normalizeText(await tiles.first().textContent())).toMatch(/\d+ 条$/)
    expect(await page.locator('.plan-list__plan').count()).toBeGreaterThanOrEqual(8)
    await page.locator('.tabbar').waitFor({ state: 'visible' })
    // Styled by the inlined CSS: three tiles to a row at 390 px.
    const box = (await tiles.first().boundingBox())!
    expect(box.width).toBeGreaterThan(100)
    expect(box.width).toBeLessThan(130)
    await shot(page, 'prerender-no-js')
    await context.close()
  })

  it('applies 长辈模式 before the app loads, and keeps 首页 hidden on other routes', async () => {
    const context = await browser.newContext(PHONE)
    await context.route(APP_BUNDLE, route => route.abort())
    const page = await context.newPage()
    await page.goto(BASE_URL)
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('16px')
    await page.evaluate(key => localStorage.setItem(key, 'true'), ELDER_MODE_KEY)
    await page.reload()
    expect(await page.evaluate(() => document.documentElement.className)).toBe('elder')
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px')
    // 长辈模式's two-column grid, from the inlined CSS.
    const box = (await page.locator('.theme-grid__tile').first().boundingBox())!
    expect(box.width).toBeGreaterThan(160)
    await shot(page, 'prerender-elder-before-app')

    for (const path of ['/deck?kind=theme&id=yijianshi', '/favorites', '/point/hunan-2023-zwgk-1']) {
      await page.goto(`${BASE_URL}${path}`)
      expect(await page.locator('[data-prerender]').count(), path).toBe(1)
      expect(await page.locator('.theme-grid__tile').first().isVisible(), path).toBe(false)
      expect(await page.locator('.tabbar').isVisible(), path).toBe(false)
    }
    await context.close()
  })

  it('lays out from its inlined CSS alone exactly as with the full stylesheet, in 长辈模式 too', async () => {
    // A phone on a weak signal paints before the stylesheet arrives: any rule the inlined CSS lacks would shift the
    // page when the file lands (the app's base variables once went missing so).
    for (const elder of [false, true]) {
      const layouts: string[][] = []
      for (const blockStylesheet of [true, false]) {
        const context = await browser.newContext(PHONE)
        await context.route(APP_BUNDLE, route => route.abort())
        if (blockStylesheet)
          await context.route(STYLESHEET, route => route.abort())
        if (elder)
          await context.addInitScript(key => localStorage.setItem(key, 'true'), ELDER_MODE_KEY)
        const page = await context.newPage()
        await page.goto(BASE_URL, { waitUntil: 'load' })
        if (!blockStylesheet) {
          // What the app does once it runs (its bundle is blocked here): the stylesheet, loaded as print, turned on.
          await page.evaluate(() => document.querySelectorAll<HTMLLinkElement>('link[data-deferred]').forEach((l) => {
            l.media = 'all'
          }))
          await page.waitForFunction(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].every(l => l.sheet && l.media === 'all'))
        }
        layouts.push(await prerenderLayout(page))
        await context.close()
      }
      expect(layouts[0]!.length, elder ? '长辈模式' : 'normal').toBeGreaterThan(100)
      expect(layouts[0], elder ? '长辈模式' : 'normal').toEqual(layouts[1])
    }
  })

  it('mounts the app only once the low-priority stylesheet has loaded, on 首页 and off it', async () => {
    for (const path of ['/', '/favorites']) {
      const context = await browser.newContext(PHONE)
      // The stylesheet lands a second after everything else.
      await context.route(STYLESHEET, async (route) => {
        const response = await route.fetch()
        await new Promise(resolve => setTimeout(resolve, 1000))
        await route.fulfill({ response })
      })
      await context.addInitScript(() => {
        const seen: string[] = []
        ;(window as unknown as { __mounted: string[] }).__mounted = seen
        new MutationObserver(() => {
          const app = document.querySelector('#app > :not([data-prerender])')
          if (app && !seen.length) {
            const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')]
            seen.push(links.length && links.every(l => l.sheet && l.media === 'all') ? 'styled' : 'unstyled')
          }
        }).observe(document, { childList: true, subtree: true })
      })
      const page = await context.newPage()
      const errors = watchConsole(page)
      await page.goto(`${BASE_URL}${path}`)
      await page.locator('.tabbar').waitFor({ state: 'visible', timeout: 30_000 })
      await page.waitForFunction(() => (window as unknown as { __mounted: string[] }).__mounted.length > 0, undefined, { timeout: 30_000 })
      expect(await page.evaluate(() => (window as unknown as { __mounted: string[] }).__mounted), path).toEqual(['styled'])
      expect(errors, path).toEqual([])
      await context.close()
    }
  })

  it('is taken over by the app with no layout shift and a clean console, in 长辈模式 too; the deck still works', async () => {
    // Tall enough to hold all of 首页, so a shift anywhere (临近截止 landing, the plans below it) would count.
    const context = await browser.newContext({ ...PHONE, viewport: { width: 390, height: 3000 } })
    await watchShifts(context)
    const page = await context.newPage()
    const logged = watchConsole(page)
    await page.goto(BASE_URL)
    await waitForServiceWorker(page)
    await waitForDueSoon(page)
    await page.waitForTimeout(800)
    // The app replaced the prerendered markup with its own, drawn the same.
    expect(await page.locator('[data-prerender]').count()).toBe(0)
    expect(await page.evaluate(() => window.__shift)).toEqual({ cls: 0, sources: [] })
    await page.setViewportSize(PHONE.viewport!)
    await shot(page, 'prerender-app')
    await page.setViewportSize({ width: 390, height: 3000 })

    await page.evaluate(key => localStorage.setItem(key, 'true'), ELDER_MODE_KEY)
    await page.reload()
    await waitForDueSoon(page)
    await page.waitForTimeout(800)
    expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true)
    expect(await page.evaluate(() => window.__shift)).toEqual({ cls: 0, sources: [] })
    await page.setViewportSize(PHONE.viewport!)
    await shot(page, 'prerender-app-elder')
    await page.evaluate(key => localStorage.removeItem(key), ELDER_MODE_KEY)

    // Straight to another route: the app draws it, and 首页 never showed.
    await page.goto(`${BASE_URL}/favorites`)
    await page.locator('.page-header__title').waitFor()
    expect(await page.locator('.theme-grid__tile').count()).toBe(0)

    // The deck: a theme tile, then a swipe and the next button.
    await page.goto(BASE_URL)
    await page.locator('.theme-grid__tile[data-theme="yijianshi"]').click()
    await page.locator('.deck__slot[data-current="true"] article').waitFor()
    expect((await deckPosition(page)).at).toBe(1)
    const viewport = (await page.locator('.deck__viewport').boundingBox())!
    await touchSwipe(page, { x: viewport.x + viewport.width / 2, y: viewport.y + Math.min(viewport.height / 2, 200) }, -220)
    await expect.poll(() => deckPosition(page).then(p => p.at)).toBe(2)
    await page.getByTestId('deck-next').click()
    await expect.poll(() => deckPosition(page).then(p => p.at)).toBe(3)

    expect(logged).toEqual([])
    await context.close()
  })

  it('does not shift on a slow phone either: the first paint waits for the whole prerendered page, in 长辈模式 too', async () => {
    for (const elder of [false, true]) {
      const context = await browser.newContext({ ...PHONE, viewport: { width: 390, height: 3000 } })
      await watchShifts(context)
      if (elder)
        await context.addInitScript(key => localStorage.setItem(key, 'true'), ELDER_MODE_KEY)
      const page = await context.newPage()
      // Slow enough that the parser yields mid-document and IndexedDB answers frames after the app has mounted.
      const cdp = await context.newCDPSession(page)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 })
      await page.goto(BASE_URL)
      await waitForDueSoon(page)
      await page.waitForTimeout(800)
      expect(await page.evaluate(() => window.__shift), elder ? '长辈模式' : 'normal').toEqual({ cls: 0, sources: [] })
      await context.close()
    }
  })

  it('keeps the prerendered paint as the largest contentful paint: the app takes over only after it is reported', async () => {
    const context = await browser.newContext(PHONE)
    await context.addInitScript(() => {
      const w = window as Window & { __lcp?: number[], __takenOver?: number }
      w.__lcp = []
      new PerformanceObserver(list => w.__lcp!.push(...list.getEntries().map(e => e.startTime))).observe({ type: 'largest-contentful-paint', buffered: true })
      // When the app removes the prerendered markup, i.e. mounts.
      new MutationObserver((records) => {
        if (w.__takenOver === undefined && records.some(r => [...r.removedNodes].some(n => n instanceof Element && n.matches('[data-prerender]'))))
          w.__takenOver = performance.now()
      }).observe(document, { childList: true, subtree: true })
    })
    const page = await context.newPage()
    // A phone's CPU: the app's start takes long enough that a mount in the paint's own task would lose the paint.
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    await page.goto(BASE_URL)
    await waitForDueSoon(page)
    const { lcp, takenOver, reason } = await page.evaluate(() => {
      const w = window as Window & { __lcp?: number[], __takenOver?: number }
      const mark = performance.getEntriesByName('app:takeover')[0] as PerformanceMark | undefined
      return { lcp: w.__lcp!, takenOver: w.__takenOver, reason: mark?.detail as string | undefined }
    })
    expect(takenOver).toBeDefined()
    // The app waited for the paint's report, not for its failsafe timeout.
    expect(reason).toBe('reported')
    expect(lcp.length).toBeGreaterThan(0)
    // Every candidate is a paint of the HTML's own markup, before the app drew anything.
    expect(Math.max(...lcp)).toBeLessThan(takenOver!)
    await context.close()
  })

  it('starts offline from the service worker with the prerendered page, and the deck opens', async () => {
    const context = await browser.newContext(PHONE)
    await watchShifts(context)
    await watchPrerender(context)
    const page = await context.newPage()
    await page.goto(BASE_URL)
    await waitForServiceWorker(page)
    await waitForDueSoon(page)

    await context.setOffline(true)
    const second = await context.newPage()
    const logged = watchConsole(second)
    await second.goto(BASE_URL)
    expect(await second.evaluate(() => navigator.onLine)).toBe(false)
    // What the service worker answered for the navigation was the prerendered document.
    expect((await second.evaluate(() => window.__prerendered ?? [])).length).toBeGreaterThanOrEqual(6)
    await waitForDueSoon(second)
    expect(await second.locator('.plan-list__plan').count()).toBeGreaterThanOrEqual(8)
    await second.waitForTimeout(500)
    expect(await second.evaluate(() => window.__shift?.cls)).toBe(0)

    await second.locator('.theme-grid__tile').filter({ hasNotText: /\b0 条/ }).first().click()
    await second.waitForURL(/\/deck\?kind=theme/)
    await second.locator('.deck__slot[data-current="true"] .point-card__title').waitFor()
    await second.getByTestId('deck-next').click()
    await expect.poll(() => deckPosition(second).then(p => p.at)).toBe(2)
    expect(logged).toEqual([])
    await context.close()
  })

  describe('over a new deployment', () => {
    const live = join(ARTIFACTS, 'live-prerender')
    let server: PreviewServer
    const deploy = (dist: string) => {
      rmSync(live, { recursive: true, force: true })
      cpSync(dist, live, { recursive: true })
    }
    beforeAll(async () => {
      deploy(DIST_A)
      server = await startPreview(live, e2ePort(25))
    })
    afterAll(async () => {
      await server?.close()
      rmSync(live, { recursive: true, force: true })
    })

    it('shows the update banner on the prerendered 首页 and reloads into the new build', async () => {
      const context = await browser.newContext(PHONE)
      const page = await context.newPage()
      await page.goto(server.url)
      await waitForServiceWorker(page)
      await waitForDueSoon(page)

      deploy(DIST_B)
      await page.evaluate(async () => {
        await (await navigator.serviceWorker.getRegistration())?.update()
      })
      const banner = page.getByTestId('update-banner')
      await banner.waitFor({ timeout: 30_000 })
      // A banner above 首页, not a dialog over it.
      expect(await page.locator('.theme-grid__tile').first().isVisible()).toBe(true)
      await Promise.all([
        page.waitForEvent('load', { timeout: 30_000 }),
        banner.getByRole('button', { name: '立即更新' }).click(),
      ])
      await waitForDueSoon(page)
      await page.getByRole('link', { name: '我的', exact: true }).click()
      await expect.poll(() => page.getByTestId('build-marker').textContent().then(normalizeText)).toBe(MARKER_B)
      expect(await page.getByTestId('update-banner').count()).toBe(0)
      await context.close()
    })
  })
})
