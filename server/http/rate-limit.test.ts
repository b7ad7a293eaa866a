import { describe, expect, it } from 'vitest'
import { createRateLimiter } from './rate-limit'

describe('rate limiter', () => {
  it('allows max hits per window per key, then says how long to wait', () => {
    let now = 1_000_000
    const limiter = createRateLimiter({ max: 5, windowMs: 60_000, now: () => now })
    expect(Array.from({ length: 5 }, () => limiter.hit('a'))).toEqual([0, 0, 0, 0, 0])
    now += 10_000
    expect(limiter.hit('a')).toBe(50)
    expect(limiter.hit('b')).toBe(0)
    now += 50_001
    expect(limiter.hit('a')).toBe(0)
  })
})
