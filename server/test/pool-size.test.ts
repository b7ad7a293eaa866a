import { describe, expect, it } from 'vitest'
import { poolSize } from '../store/pool-size'

describe('postgreSQL pool size', () => {
  it('is 2 × cores + 1 unless PG_POOL_MAX says otherwise', () => {
    expect(poolSize({}, 2)).toBe(5)
    expect(poolSize({ PG_POOL_MAX: '' }, 8)).toBe(17)
    expect(poolSize({ PG_POOL_MAX: ' 12 ' }, 2)).toBe(12)
  })

  it('refuses a PG_POOL_MAX that is no whole number from 1 to 1000, naming the variable and the value', () => {
    for (const bad of ['0', '-3', '2.5', 'ten', '1e3', '1001'])
      expect(() => poolSize({ PG_POOL_MAX: bad }, 2)).toThrow(`PG_POOL_MAX must be a whole number of connections from 1 to 1000, got "${bad}"`)
  })
})
