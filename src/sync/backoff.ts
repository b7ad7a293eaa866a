/** Retry delays for the outbox: exponential with full jitter, so phones coming back online don't retry in step. */
export const BACKOFF_BASE_MS = 2_000
export const BACKOFF_MAX_MS = 5 * 60_000

/** Delay before the next attempt after `attempts` failures; `random` is injectable for tests. */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1))
  // Never less than half the ceiling, so a burst of failures still spreads out.
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}
