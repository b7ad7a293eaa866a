import { describe, expect, it } from 'vitest'
import { photoLimitsFromEnv } from '../photo-limits-env'

describe('photo limits from the environment', () => {
  it('keeps the defaults when unset, and reads MB and KB as whole numbers', () => {
    expect(photoLimitsFromEnv({})).toEqual({ limits: {} })
    expect(photoLimitsFromEnv({ PHOTO_QUOTA_MB: '50', PHOTO_MAX_KB: ' 300 ' })).toEqual({ limits: { quotaBytes: 50 * 1024 * 1024, maxBytes: 300 * 1024 } })
  })

  it('refuses what is not a positive whole number, naming the variable', () => {
    for (const bad of ['0', '-5', '1.5', 'abc', '1e3'])
      expect(photoLimitsFromEnv({ PHOTO_QUOTA_MB: bad })).toEqual({ error: `PHOTO_QUOTA_MB must be a positive whole number (got "${bad}")` })
    expect(photoLimitsFromEnv({ PHOTO_MAX_KB: '9'.repeat(20) })).toHaveProperty('error')
  })
})
