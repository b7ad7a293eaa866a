import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CheckinSchema } from '~/domain/progress'
import { uuidv7, uuidv7Timestamp } from '~/domain/uuidv7'

const UUIDV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('uuidv7', () => {
  it('has the v7 layout and carries its timestamp', () => {
    const before = Date.now()
    const id = uuidv7()
    expect(id).toMatch(UUIDV7)
    expect(uuidv7Timestamp(id)).toBeGreaterThanOrEqual(before)
    expect(uuidv7Timestamp(id)).toBeLessThanOrEqual(Date.now())
    expect(CheckinSchema.shape.id.safeParse(id).success).toBe(true)
  })

  it('is unique and strictly increasing, even within one millisecond', () => {
    const fixed = Date.now() + 60_000
    const ids = Array.from({ length: 20_000 }, (_, i) => uuidv7(i < 10_000 ? fixed : undefined))
    expect(new Set(ids).size).toBe(ids.length)
    for (let i = 1; i < ids.length; i++)
      expect(ids[i]! > ids[i - 1]!).toBe(true)
    ids.forEach(id => expect(id).toMatch(UUIDV7))
  })

  it('orders by time for any sequence of clock readings, including a clock stepping back', () => {
    // Each run starts above everything generated before in this process (ids are monotonic per process).
    let base = Date.now() + 120_000
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 32 }), { minLength: 2, maxLength: 50 }), (times) => {
      base += 2 ** 33
      const ids = times.map(t => uuidv7(base + t))
      for (let i = 1; i < ids.length; i++) {
        if (!(ids[i]! > ids[i - 1]!))
          return false
      }
      return uuidv7Timestamp(ids[0]!) === base + times[0]!
    }))
  })
})
