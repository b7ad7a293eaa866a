import type { BrowserContext, Page } from 'playwright-core'
import { chromium } from 'playwright-core'
import { CHROMIUM_PATH as CHROMIUM, CHROMIUM_ARGS, PHONE } from '../../chromium'

export { CHROMIUM, CHROMIUM_ARGS, PHONE }
/** 4× slower CPU: a mid-range phone on this machine (DevTools protocol Emulation.setCPUThrottlingRate). */
export const CPU_THROTTLE = 4

export interface ProfileOptions {
  /** 'block' bypasses the service worker: every request goes to the network (and the HTTP cache). */
  serviceWorkers?: 'allow' | 'block'
  offline?: boolean
}

/** A fresh browser process on a profile directory (a cold start that keeps IndexedDB, the HTTP cache and the service worker) and its page. */
export async function openProfile(dir: string, options: ProfileOptions = {}): Promise<{ context: BrowserContext, page: Page }> {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    ...PHONE,
    serviceWorkers: options.serviceWorkers ?? 'allow',
    offline: options.offline ?? false,
  })
  try {
    return { context, page: await firstPage(context, options) }
  }
  catch (error) {
    await context.close()
    throw error
  }
}

/**
 * The context's page. With serviceWorkers 'block', Playwright stops new registrations but a worker already
 * registered in the profile would still answer navigations, so the page also bypasses it (DevTools protocol).
 */
async function firstPage(context: BrowserContext, options: ProfileOptions): Promise<Page> {
  const page = context.pages()[0] ?? await context.newPage()
  if (options.serviceWorkers === 'block') {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setBypassServiceWorker', { bypass: true })
  }
  return page
}

/** Throttles the page's CPU through the DevTools protocol. */
export async function throttle(page: Page, rate = CPU_THROTTLE): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate })
}

/** Used JS heap after a forced GC, in bytes (DevTools protocol). */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.enable')
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  await cdp.detach()
  return usedSize
}

/** Resolves once a service worker controls the page (it claims clients on activation). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
    if (!navigator.serviceWorker.controller)
      await new Promise(resolve => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }))
  })
}

/**
 * Runs in every page before its own scripts: notes (performance.now(), i.e. since navigation start) the first
 * frame after a work-point card (an `article` with data-point) has a box — the first card on screen.
 */
export const FIRST_CARD_PROBE = `(() => {
  const seen = () => {
    // A card, or the 进度看板's figures (the board part of the bench reuses this probe).
    const card = document.querySelector('article[data-point], [data-testid="board-percent"]')
    return card && card.getBoundingClientRect().height > 0
  }
  const observer = new MutationObserver(() => {
    if (!seen()) return
    observer.disconnect()
    requestAnimationFrame(() => { window.__benchFirstCardMs = performance.now() })
  })
  observer.observe(document, { childList: true, subtree: true })
})()`

/** Waits for the probe and returns its figure (ms since navigation start). */
export async function firstCardMs(page: Page, timeoutMs = 150_000): Promise<number> {
  try {
    const handle = await page.waitForFunction(() => (window as unknown as { __benchFirstCardMs?: number }).__benchFirstCardMs, undefined, { timeout: timeoutMs, polling: 100 })
    return await handle.jsonValue() as number
  }
  catch (error) {
    const title = await page.title().catch(() => '?')
    throw new Error(`no card on screen within ${timeoutMs / 1000} s at ${page.url()} ("${title}"): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
  }
}

type BenchApi = typeof import('./bench-api')

/** Imports dist/__bench/bench-api.js into the page (same origin as the app) and keeps it on window. */
export async function loadBenchApi(page: Page): Promise<void> {
  await page.evaluate(async () => {
    (window as unknown as { bench: unknown }).bench = await import(/* @vite-ignore */ '/__bench/bench-api.js' as string)
  })
}

/** Calls a bench-api function in the page. */
export function callBench<K extends keyof BenchApi>(page: Page, name: K, ...args: BenchApi[K] extends (...a: infer A) => unknown ? A : never): Promise<Awaited<ReturnType<BenchApi[K] extends (...a: any[]) => any ? BenchApi[K] : never>>> {
  return page.evaluate(({ name, args }) => {
    const api = (window as unknown as { bench: Record<string, (...a: unknown[]) => unknown> }).bench
    return api[name]!(...args)
  }, { name, args: args as unknown[] }) as never
}
