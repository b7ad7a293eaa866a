import type { Page } from 'playwright-core'
import { FIRST_CARD_PROBE, firstCardMs, openProfile, throttle } from './session'

export type Network = 'online' | 'offline'

export interface ColdStart {
  samples: number[]
  median: number
}

export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/**
 * Cold start to the first card on screen: a new browser process on the profile, 4× CPU throttle, then a navigation
 * to `path`; the figure is ms from navigation start to the first frame with a card. Online: the service worker is
 * bypassed (HTML from the server, hashed assets from the HTTP cache). Offline: the network is cut and the service
 * worker answers from its cache. `whileOpen` runs on the last sample's page before the browser closes.
 */
export async function coldStarts<T>(baseUrl: string, profileDir: string, path: string, network: Network, rounds: number, whileOpen?: (page: Page) => Promise<T>): Promise<ColdStart & { extra?: T }> {
  const samples: number[] = []
  let extra: T | undefined
  for (let r = 0; r < rounds; r++) {
    const { context, page } = await openProfile(profileDir, network === 'online' ? { serviceWorkers: 'block' } : { offline: true })
    try {
      await context.addInitScript(FIRST_CARD_PROBE)
      await throttle(page)
      await page.goto(`${baseUrl}${path}`, { waitUntil: 'commit' })
      samples.push(await firstCardMs(page))
      if (whileOpen && r === rounds - 1)
        extra = await whileOpen(page)
    }
    finally {
      await context.close()
    }
  }
  return { samples, median: median(samples), extra }
}
