import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor } from './cursor'
import { HttpError } from './errors'

describe('pull cursor', () => {
  it('round-trips every position and treats an absent cursor as the start', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n - 1n }), seq => decodeCursor(encodeCursor(seq)) === seq))
    expect(decodeCursor(undefined)).toBe(0n)
    expect(decodeCursor('')).toBe(0n)
  })

  it('refuses anything it did not make with a 400', () => {
    for (const bad of ['123', 'djE6', 'djE6LTE', 'djI6MQ', `${encodeCursor(5n)}=`, 'a'.repeat(100), 'djE6MQ\n']) {
      expect(() => decodeCursor(bad), bad).toThrow(HttpError)
      try {
        decodeCursor(bad)
      }
      catch (error) {
        expect((error as HttpError).status).toBe(400)
      }
    }
  })
})
