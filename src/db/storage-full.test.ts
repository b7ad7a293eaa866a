import { describe, expect, it } from 'vitest'
import { isStorageFull } from './storage-full'

describe('isStorageFull', () => {
  it('knows a QuotaExceededError as is and wrapped by Dexie', () => {
    const quota = new DOMException('full', 'QuotaExceededError')
    expect(isStorageFull(quota)).toBe(true)
    expect(isStorageFull({ name: 'AbortError', inner: quota })).toBe(true)
    expect(isStorageFull({ name: 'AbortError', inner: { name: 'AbortError' } })).toBe(false)
    expect(isStorageFull(new Error('other'))).toBe(false)
    expect(isStorageFull(undefined)).toBe(false)
  })
})
