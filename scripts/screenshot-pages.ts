// Every page of the app at 390×844, in normal mode and in 长辈模式 特大: docs/screenshots/page-*.png and
// elder-xl-*.png. Part of `npm run screenshots`; console errors seen on the way are printed and fail the run.
import type { Browser, Page } from 'playwright-core'
import { PHONE, waitForHomeData } from '../tests/e2e/support/browser'

export type Shot = (page: Page, name: string) => Promise<void>

interface PageVisit { name: string, path: (ids: KnownIds) => string, ready: string }
interface KnownIds { plan: string, theme: string, point: string }

// A 2023 provincial point with both a 上年要点 and 下级落实, so the detail page shows relations both ways.
const RELATED_POINT = 'hunan-2023-zwglfw-1'

const PAGES: PageVisit[] = [
  { name: 'home', path: () => '/', ready: '.plan-list__plan' },
  { name: 'themes', path: () => '/themes', ready: '.theme-grid__tile' },
  { name: 'favorites', path: () => '/favorites', ready: 'main' },
  { name: 'me', path: () => '/me', ready: '[data-testid="build-marker"]' },
  { name: 'search', path: () => '/search?q=ywtb', ready: 'mark' },
  { name: 'search-empty', path: () => '/search?q=量子卫星', ready: 'main' },
  { name: 'plan', path: ids => `/plan/${ids.plan}`, ready: 'main' },
  { name: 'deck', path: ids => `/deck?kind=theme&id=${ids.theme}`, ready: '.deck__slot[data-current="true"] article' },
  { name: 'due', path: () => '/deck?kind=due', ready: '.deck__slot[data-current="true"] article' },
  { name: 'list', path: ids => `/list?kind=theme&id=${ids.theme}`, ready: 'main' },
  { name: 'my-unit', path: () => '/list?kind=unit', ready: 'main' },
  { name: 'point', path: ids => `/point/${ids.point}`, ready: 'main' },
  { name: 'board', path: ids => `/board/plan/${ids.plan}`, ready: '[data-testid="board-percent"]' },
  { name: 'ledger', path: () => '/ledger', ready: '[data-testid="ledger-summary"]' },
  { name: 'import', path: () => '/import', ready: '[data-testid="import-file-input"]' },
  { name: 'about', path: () => '/about', ready: 'main' },
  { name: 'help', path: () => '/help', ready: 'main' },
  { name: 'privacy', path: () => '/privacy', ready: 'main' },
  { name: 'not-found', path: () => '/point/no-such-point', ready: 'main' },
]

async function knownIds(page: Page): Promise<KnownIds> {
  const plan = await page.locator('.plan-list__plan').first().getAttribute('data-plan')
  const theme = await page.locator('.theme-grid__tile').first().getAttribute('data-theme')
  return { plan: plan ?? '', theme: theme ?? '', point: RELATED_POINT }
}

/** Shoots every page in both modes; returns the console errors seen, one line each. */
export async function shootEveryPage(browser: Browser, baseUrl: string, shot: Shot): Promise<string[]> {
  const errors: string[] = []
  for (const mode of ['normal', 'elder-xl'] as const) {
    const context = await browser.newContext({ ...PHONE, deviceScaleFactor: 2 })
    if (mode === 'elder-xl') {
      await context.addInitScript(() => {
        localStorage.setItem('ydt:elder-mode', 'true')
        localStorage.setItem('ydt:font-size', 'xlarge')
      })
    }
    const page = await context.newPage()
    page.on('console', (m) => {
      if (m.type() === 'error')
        errors.push(`${mode} ${page.url()}: ${m.text()}`)
    })
    page.on('pageerror', e => errors.push(`${mode} ${page.url()}: ${e.message}`))
    await page.goto(baseUrl)
    await waitForHomeData(page)
    const ids = await knownIds(page)
    for (const visit of PAGES) {
      await page.goto(`${baseUrl}${visit.path(ids)}`)
      await page.locator(visit.ready).first().waitFor({ timeout: 20_000 })
      // Lazy routes and live queries: the picture is of the loaded page, not of 正在载入….
      await page.waitForFunction(() => !(document.body.textContent ?? '').includes('正在载入'), undefined, { timeout: 20_000 })
      await shot(page, `${mode === 'normal' ? 'page' : 'elder-xl'}-${visit.name}`)
    }
    await context.close()
  }
  return errors
}
