import type { Page } from 'playwright-core'
import type { Percentiles, SearchResult } from './bench-api'
import { callBench, heapAfterGc, loadBenchApi, openProfile } from './session'

export interface SwipeResult {
  /** Main-thread work from the click on 下一条 to the next frame: handler + render microtasks, then style and layout. */
  work: Percentiles
  /** Wall time from the click to the end of that work in the next frame (includes waiting for the frame). */
  toFrame: Percentiles
  heapBytes: number
  cardsInDom: number
  deckLength: string
}

function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN
  return { p50: at(0.5), p95: at(0.95), samples: sorted.length }
}

/**
 * Clicks the deck's 下一条 button `swipes` times (found by its accessible name) and times each move with
 * performance marks and requestAnimationFrame; then the JS heap after a forced GC and the cards in the DOM.
 * Runs on a page already showing a deck, CPU already throttled.
 */
export async function measureSwipes(page: Page, swipes = 30): Promise<SwipeResult> {
  const next = page.getByRole('button', { name: '下一条', exact: true })
  await next.waitFor()
  const work: number[] = []
  const toFrame: number[] = []
  // One untimed move first: the first click compiles the handlers and the check-in queries of a new card.
  for (let i = 0; i <= swipes; i++) {
    const sample = await next.evaluate((button: HTMLElement) => new Promise<{ work: number, frame: number }>((resolve) => {
      performance.mark('bench:next')
      const t0 = performance.now()
      let renderedAt = t0
      button.click()
      // Queued after the click, so it runs after the framework's render flush (queued during the click).
      queueMicrotask(() => {
        renderedAt = performance.now()
      })
      requestAnimationFrame(() => {
        const frameAt = performance.now()
        document.body.getBoundingClientRect()
        const laidOutAt = performance.now()
        performance.measure('bench:next-frame', 'bench:next')
        resolve({ work: (renderedAt - t0) + (laidOutAt - frameAt), frame: laidOutAt - t0 })
      })
    }))
    if (i > 0) {
      work.push(sample.work)
      toFrame.push(sample.frame)
    }
    // Let the new card's own queries (check-ins, related points) finish before the next move.
    await page.waitForTimeout(120)
  }
  const position = await page.locator('[aria-live="polite"]').first().textContent().catch(() => '') ?? ''
  const cardsInDom = await page.locator('article[data-point]').count()
  const heapBytes = await heapAfterGc(page)
  return { work: percentiles(work), toFrame: percentiles(toFrame), heapBytes, cardsInDom, deckLength: /\d+\s*\/\s*\d+/.exec(position)?.[0] ?? position.trim() }
}

export const SEARCH_QUERIES = ['政务', '数据共享', '一网通办', '电子证照', 'yjs', 'zwgk', 'ywtb']

/**
 * Search latency through the app's searchPoints on the stored corpus, beside a linear scan. Not CPU-throttled:
 * Chromium cannot throttle workers ("Operation is only supported for pages, not workers") and the app may search
 * in one, so app and baseline both run at this machine's full speed for a fair ratio.
 */
export async function measureSearch(baseUrl: string, profileDir: string, blankUrl: string, rounds = 8): Promise<SearchResult> {
  const { context, page } = await openProfile(profileDir, { serviceWorkers: 'block' })
  try {
    await page.goto(`${baseUrl}${blankUrl}`)
    await loadBenchApi(page)
    return await callBench(page, 'benchSearch', SEARCH_QUERIES, rounds)
  }
  finally {
    await context.close()
  }
}
