/**
 * Resolves once the browser has reported the paint of the prerendered 首页 (scripts/prerender/), so that the app
 * mounting over it does not take that paint away. Chromium drops a largest-contentful-paint candidate whose node is
 * removed before the paint's presentation time is known: mounting in the same task as the first paint makes LCP the
 * app's own later paint, as if the prerender were not there.
 *
 * Resolves at once where nothing prerendered is shown (another route, a hidden tab, no Performance API), and after
 * `timeoutMs` at the latest, a failsafe only: the report comes within a frame or two, but on a busy phone its task
 * can wait behind the app's own start, and the page the user looks at meanwhile is the prerendered one. Says which
 * of the three it was (also as the `app:takeover` performance mark, for the browser tests and traces).
 */
export type TakeoverReason = 'reported' | 'timeout' | 'not-shown'

export function afterPrerenderPaint(timeoutMs = 1500): Promise<TakeoverReason> {
  const shown = document.querySelector('[data-prerender]') !== null
    && !document.documentElement.classList.contains('not-home')
    && document.visibilityState === 'visible'
  const types = typeof PerformanceObserver === 'undefined' ? [] : PerformanceObserver.supportedEntryTypes ?? []
  const type = types.includes('largest-contentful-paint') ? 'largest-contentful-paint' : types.includes('paint') ? 'paint' : undefined
  if (!shown || !type)
    return Promise.resolve(mark('not-shown'))
  return new Promise((resolve) => {
    let observer: PerformanceObserver | undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    const done = (reason: TakeoverReason) => {
      observer?.disconnect()
      clearTimeout(timer)
      resolve(mark(reason))
    }
    timer = setTimeout(done, timeoutMs, 'timeout')
    observer = new PerformanceObserver((list) => {
      if (list.getEntries().some(entry => type !== 'paint' || entry.name === 'first-contentful-paint'))
        done('reported')
    })
    observer.observe({ type, buffered: true })
  })
}

function mark(reason: TakeoverReason): TakeoverReason {
  performance.mark?.('app:takeover', { detail: reason })
  return reason
}
