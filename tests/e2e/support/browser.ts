import type { Browser, BrowserContext, Page } from 'playwright-core'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH, PHONE } from '../../../scripts/chromium'

const LAUNCH = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }

export { PHONE }

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(LAUNCH)
}

/** A browser with a profile on disk, so a restart keeps IndexedDB, localStorage and the service worker. */
export function launchWithProfile(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { ...LAUNCH, ...PHONE })
}

export function makeProfileDir(): { dir: string, remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ydt-e2e-profile-'))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Text content with runs of whitespace collapsed (template line breaks are not content). */
export function normalizeText(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim()
}

/** Resolves once a service worker controls the page (it claims clients on activation). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
    if (!navigator.serviceWorker.controller)
      await new Promise(resolve => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }))
  })
}

/** Waits until 首页 shows the plan data (theme tiles with counts). */
export async function waitForHomeData(page: Page): Promise<void> {
  await page.locator('.theme-grid__tile').first().waitFor({ state: 'visible', timeout: 30_000 })
}

/** The deck's "5 / 27" figure as numbers. */
export async function deckPosition(page: Page): Promise<{ at: number, of: number }> {
  const text = await page.getByTestId('deck-position').locator('[aria-hidden="true"]').textContent().then(normalizeText)
  const m = /(\d+)\s*\/\s*(\d+)/.exec(text)
  if (!m)
    throw new Error(`no deck position in "${text}"`)
  return { at: Number(m[1]), of: Number(m[2]) }
}

/** The id of the card currently shown in the deck. */
export async function currentPointId(page: Page): Promise<string> {
  const id = await page.locator('.deck__slot[data-current="true"] article').getAttribute('data-point')
  if (!id)
    throw new Error('no current card')
  return id
}

/** A real touch swipe through the DevTools protocol (touchstart → touchmove… → touchend). */
export async function touchSwipe(page: Page, from: { x: number, y: number }, dx: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y }] })
  const steps = 8
  for (let i = 1; i <= steps; i++)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: from.x + (dx * i) / steps, y: from.y }] })
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await cdp.detach()
}

/** A mouse drag (pointer events of type mouse). */
export async function mouseDrag(page: Page, from: { x: number, y: number }, dx: number): Promise<void> {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + dx, from.y, { steps: 8 })
  await page.mouse.up()
}

/** Console errors and uncaught errors of `page`, as they happen (a test ends expecting none). */
export function recordErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error')
      errors.push(m.text())
  })
  page.on('pageerror', e => errors.push(String(e)))
  return errors
}
