import type { BrowserContext, Page } from 'playwright-core'
import { median } from './cold-start'
import { openProfile } from './session'

export interface RoundTimes {
  samples: number[]
  median: number
}

/**
 * `rounds` measurements, each in a fresh browser process on the profile, offline, so nothing is cached from the
 * round before; `initScript` runs in every page first (e.g. the unit 我的单位 shows, picked in localStorage).
 */
export async function freshRounds(profileDir: string, rounds: number, initScript: string | undefined, measure: (context: BrowserContext, page: Page) => Promise<number>): Promise<RoundTimes> {
  const samples: number[] = []
  for (let r = 0; r < rounds; r++) {
    const { context, page } = await openProfile(profileDir, { offline: true })
    try {
      if (initScript)
        await context.addInitScript(initScript)
      samples.push(await measure(context, page))
    }
    finally {
      await context.close()
    }
  }
  return { samples, median: median(samples) }
}
