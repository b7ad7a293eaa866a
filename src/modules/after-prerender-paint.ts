/**
 * Resolves once the browser has reported the paint of the prerendered 首页 (scripts/prerender/), so that the app
 * mounting over it does not take that paint away. Chromium drops a largest-contentful-paint candidate whose node is
 * removed before the paint's presentation time is known: mounting in the same task as the first paint makes LCP the
 * app's own later paint, as if the prerender were not there.
 *
 * Resolves at once where nothing prerendered is shown (another route, a hidden tab, no Performance API), and after
 * `timeoutMs` at the latest: the app must never wait long on a report.
 */
export function afterPrerenderPaint(timeoutMs = 300): Promise<void> {
  const shown = document.querySelector('[data-prerender]') !== null
    && !document.documentElement.classList.contains('not-home')
    && document.visibilityState === 'visible'
  const types = typeof PerformanceObserver === 'undefined' ? [] : PerformanceObserver.supportedEntryTypes ?? []
  const type = types.includes('largest-contentful-paint') ? 'largest-contentful-paint' : types.includes('paint') ? 'paint' : undefined
  if (!shown || !type)
    return Promise.resolve()
  return new Promise((resolve) => {
    let observer: PerformanceObserver | undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    const done = () => {
      observer?.disconnect()
      clearTimeout(timer)
      resolve()
    }
    timer = setTimeout(done, timeoutMs)
    observer = new PerformanceObserver((list) => {
      if (list.getEntries().some(entry => type !== 'paint' || entry.name === 'first-contentful-paint'))
        done()
    })
    observer.observe({ type, buffered: true })
  })
}
