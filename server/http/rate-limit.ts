/**
 * A sliding-window limiter kept in memory: at most `max` hits per key in `windowMs`.
 * One server process is the deployment model, so no shared store is needed.
 */
export function createRateLimiter(options: { max: number, windowMs: number, now?: () => number }) {
  const now = options.now ?? Date.now
  const hits = new Map<string, number[]>()

  function sweep(at: number): void {
    for (const [key, times] of hits) {
      if (times.every(t => t <= at - options.windowMs))
        hits.delete(key)
    }
  }

  return {
    /** Records a hit for `key`; returns the seconds to wait when over the limit, else 0. */
    hit(key: string): number {
      const at = now()
      if (hits.size > 10_000)
        sweep(at)
      const recent = (hits.get(key) ?? []).filter(t => t > at - options.windowMs)
      if (recent.length >= options.max) {
        hits.set(key, recent)
        return Math.max(1, Math.ceil((recent[0]! + options.windowMs - at) / 1000))
      }
      recent.push(at)
      hits.set(key, recent)
      return 0
    },
  }
}

export type RateLimiter = ReturnType<typeof createRateLimiter>
