import type { WireRecord } from './byte-proxy'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openProfile, waitForServiceWorker } from './browser/session'

/**
 * Lighthouse's mobile network (slow 4G: 150 ms RTT × 3.75 request latency, 1.6 Mbps down, 750 kbps up), applied to
 * the page (DevTools protocol), so that what "arrived before the first paint" means what the paint waited for
 * rather than whatever loopback delivers in a millisecond. The service worker's own fetches are not throttled.
 */
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: 1474.56 * 1024 / 8, uploadThroughput: 675 * 1024 / 8 }

export type Kind = 'HTML' | 'JS' | 'CSS' | 'data' | 'SW script' | 'images' | 'other'
export const KINDS: readonly Kind[] = ['HTML', 'JS', 'CSS', 'data', 'SW script', 'images', 'other']

export interface VisitResponse extends WireRecord {
  kind: Kind
  /** Fetched by the service worker (its script, or a request whose referrer is the worker). */
  bySw: boolean
  /** The page had all of it before its first contentful paint (Resource Timing responseEnd ≤ FCP). */
  beforePaint: boolean
}

export interface FirstVisit {
  responses: VisitResponse[]
  /** ms from navigation start. */
  fcpMs: number
  /** The precache's entries in Cache Storage once the worker is active, and the manifest's count. */
  precache?: { cached: number, listed: number }
  acceptEncoding: string
}

export function kindOf(r: WireRecord): Kind {
  const type = String(r.headers['content-type'] ?? '')
  const path = r.url.split('?')[0]!
  if (path === '/sw.js')
    return 'SW script'
  if (type.startsWith('text/html'))
    return 'HTML'
  if (/javascript/.test(type))
    return 'JS'
  if (type.startsWith('text/css'))
    return 'CSS'
  if (type.startsWith('image/'))
    return 'images'
  if (/json/.test(type) && !path.endsWith('.webmanifest'))
    return 'data'
  return 'other'
}

const isSwRequest = (r: WireRecord) => r.requestHeaders['service-worker'] === 'script' || /\/sw\.js$/.test(String(r.requestHeaders.referer ?? ''))

/**
 * Opens `url` in a fresh Chromium profile (the phone of scripts/chromium.ts) and waits, for the app, until its
 * service worker controls the page and Cache Storage holds every one of the `precacheEntries`; then until the
 * network has been quiet for 2 s. `records()` is the proxy's list, read after the wait.
 */
export async function firstVisit(url: string, records: () => WireRecord[], idle: () => Promise<void>, precacheEntries?: number): Promise<FirstVisit> {
  const dir = mkdtempSync(join(tmpdir(), 'ydt-bench-visit-'))
  const { context, page } = await openProfile(dir)
  try {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G)
    const navigationStart = Date.now()
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 })
    const paint = await page.evaluate(() => new Promise<{ fcp: number, origin: number, ends: Record<string, number> }>((resolve) => {
      new PerformanceObserver((list, observer) => {
        const fcp = list.getEntriesByName('first-contentful-paint')[0]
        if (!fcp)
          return
        observer.disconnect()
        const ends: Record<string, number> = {}
        const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[]
        for (const e of entries)
          ends[e.name] = Math.max(ends[e.name] ?? 0, e.responseEnd)
        resolve({ fcp: fcp.startTime, origin: performance.timeOrigin, ends })
      }).observe({ type: 'paint', buffered: true })
    }))
    let precache: FirstVisit['precache']
    if (precacheEntries !== undefined) {
      await waitForServiceWorker(page)
      const cached = await page.evaluate(async () => {
        const name = (await caches.keys()).find(k => k.includes('precache'))
        return name ? (await (await caches.open(name)).keys()).length : 0
      })
      precache = { cached, listed: precacheEntries }
    }
    await idle()
    const origin = new URL(url).origin
    const seen = new Set<string>()
    const responses = records().filter(r => r.start >= navigationStart - 1000).map((r): VisitResponse => {
      const bySw = isSwRequest(r)
      const end = paint.ends[`${origin}${r.url}`]
      // The first page-side response of a URL is the one Resource Timing describes.
      const first = !bySw && !seen.has(r.url)
      if (first)
        seen.add(r.url)
      return { ...r, kind: kindOf(r), bySw, beforePaint: first && end !== undefined && end <= paint.fcp }
    })
    const acceptEncoding = String(responses.find(r => !r.bySw)?.requestHeaders['accept-encoding'] ?? '')
    return { responses, fcpMs: paint.fcp, precache, acceptEncoding }
  }
  finally {
    await context.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
