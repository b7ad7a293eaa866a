import type { RoundTimes } from './fresh-rounds'
import { freshRounds } from './fresh-rounds'
import { throttle } from './session'

export type FilterBarTimes = RoundTimes

/** Notes (ms since navigation start) the first frame in which the list's filter bar, which waits for its counts, has a box. */
const FILTER_BAR_PROBE = `(() => {
  const seen = () => {
    const bar = document.querySelector('.list-filters__bar')
    return bar && bar.getBoundingClientRect().height > 0
  }
  const observer = new MutationObserver(() => {
    if (!seen()) return
    observer.disconnect()
    requestAnimationFrame(() => { window.__benchFilterBarMs = performance.now() })
  })
  observer.observe(document, { childList: true, subtree: true })
})()`

/**
 * A point list's filter bar as a user meets it: a fresh browser process on the profile, offline, 4× CPU, a
 * navigation to `listPath`; the figure is ms from navigation start to the first frame with the bar (shown once every
 * option's count is known).
 */
export function filterBarTimes(baseUrl: string, profileDir: string, listPath: string, rounds: number, initScript?: string): Promise<FilterBarTimes> {
  return freshRounds(profileDir, rounds, initScript, async (context, page) => {
    await context.addInitScript(FILTER_BAR_PROBE)
    await throttle(page)
    await page.goto(`${baseUrl}${listPath}`, { waitUntil: 'commit' })
    const handle = await page.waitForFunction(() => (window as unknown as { __benchFilterBarMs?: number }).__benchFilterBarMs, undefined, { timeout: 150_000, polling: 100 })
    return await handle.jsonValue() as number
  })
}
