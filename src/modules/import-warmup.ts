import type { App } from 'vue'

// The import worker and its format libraries are not precached (most users never import). After the first screen,
// while online, the service worker is asked to fetch them into its runtime cache, so 导入 works offline later.

/** Network kinds where the download (about a megabyte: PDF.js, SheetJS) waits until the user opens 导入 itself. */
function savingData(): boolean {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean, effectiveType?: string } }).connection
  return connection?.saveData === true || ['slow-2g', '2g', '3g'].includes(connection?.effectiveType ?? '')
}

async function warm(): Promise<void> {
  if (!navigator.onLine || savingData())
    return
  const registration = await navigator.serviceWorker.ready
  registration.active?.postMessage({ type: 'WARM_IMPORT' })
}

export function install(_app: App): void {
  // In `vite dev` no service worker registers: `ready` never settles and nothing is asked.
  if (!('serviceWorker' in navigator))
    return
  const start = () => void warm().catch((e: unknown) => console.warn('[import] warm-up failed', e))
  // Idle after load: never in the way of the first screen. Safari has no requestIdleCallback.
  const whenIdle = () => {
    if ('requestIdleCallback' in window)
      window.requestIdleCallback(start, { timeout: 10_000 })
    else
      setTimeout(start, 3_000)
  }
  if (document.readyState === 'complete')
    whenIdle()
  else
    window.addEventListener('load', whenIdle, { once: true })
}
