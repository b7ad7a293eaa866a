import type { RoundTimes } from './fresh-rounds'
import { freshRounds } from './fresh-rounds'
import { throttle } from './session'

export type InAppBoard = RoundTimes

/**
 * The 进度看板 as a user meets it inside the running app: offline, 4× CPU throttle, the theme's list open, then a
 * tap on its 查看进度看板 link; the figure is ms from the tap to the first frame with the board's figures on screen.
 * Each round is a fresh browser process, so nothing of the board is cached from the round before.
 */
export function boardFromList(baseUrl: string, profileDir: string, listPath: string, rounds: number, initScript?: string, settledOn?: string): Promise<InAppBoard> {
  return freshRounds(profileDir, rounds, initScript, async (_context, page) => {
    await page.goto(`${baseUrl}${listPath}`)
    await page.locator('[data-testid="list-board"]').waitFor({ timeout: 150_000 })
    // Let the list settle (its rows, the deck ids) so the tap measures the board, not the list's own start.
    await page.waitForTimeout(1500)
    // E.g. the filter bar, shown once the list's counts are done: the tap then measures the board's own work only.
    if (settledOn)
      await page.locator(settledOn).first().waitFor({ timeout: 150_000 })
    await throttle(page)
    await page.evaluate(`(() => {
        window.__boardMs = undefined
        const link = document.querySelector('[data-testid="list-board"]')
        const present = () => document.querySelector('[data-testid="board-percent"]')
        const started = performance.now()
        // Layout is read once per frame, not on every mutation: forcing it while the page builds would add to the figure.
        let pending = false
        const observer = new MutationObserver(() => {
          if (pending || !present()) return
          pending = true
          requestAnimationFrame(() => {
            pending = false
            if (!(present().getBoundingClientRect().height > 0)) return
            observer.disconnect()
            window.__boardMs = performance.now() - started
          })
        })
        observer.observe(document, { childList: true, subtree: true })
        link.click()
      })()`)
    const handle = await page.waitForFunction(() => (window as unknown as { __boardMs?: number }).__boardMs, undefined, { timeout: 150_000, polling: 50 })
    return await handle.jsonValue() as number
  })
}
