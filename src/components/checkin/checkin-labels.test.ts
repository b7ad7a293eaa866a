import { describe, expect, it } from 'vitest'
import { formatCheckinTime, suggestedProgress } from './checkin-labels'

describe('suggestedProgress', () => {
  it('fills done and empties not started', () => {
    expect(suggestedProgress('done', 30)).toBe(100)
    expect(suggestedProgress('not_started', 30)).toBe(0)
  })
  it('keeps a partial progress and suggests half way from the extremes', () => {
    expect(suggestedProgress('in_progress', 30)).toBe(30)
    expect(suggestedProgress('blocked', 100)).toBe(50)
    expect(suggestedProgress('in_progress', 0)).toBe(50)
  })
})

describe('formatCheckinTime', () => {
  const now = new Date(2026, 10, 21, 12, 0)
  it('leaves out the current year', () => {
    expect(formatCheckinTime(new Date(2026, 0, 5, 9, 5).toISOString(), now)).toBe('1月5日 09:05')
  })
  it('names another year', () => {
    expect(formatCheckinTime(new Date(2025, 11, 31, 23, 59).toISOString(), now)).toBe('2025年12月31日 23:59')
  })
  it('returns unparseable input unchanged', () => {
    expect(formatCheckinTime('not a date', now)).toBe('not a date')
  })
})
