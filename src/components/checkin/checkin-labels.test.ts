import { describe, expect, it } from 'vitest'
import { formatCheckinTime, formatCheckinWhen, formatRelativeTime, isProgressDrop, suggestedProgress } from './checkin-labels'

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

describe('formatRelativeTime and formatCheckinWhen', () => {
  const now = new Date(2026, 10, 21, 12, 0)
  const at = (...a: [number, number, number, number, number]) => new Date(...a).toISOString()
  it('says how long ago in words', () => {
    expect(formatRelativeTime(at(2026, 10, 21, 11, 59), now)).toBe('1 分钟前')
    expect(formatRelativeTime(new Date(now.getTime() - 20_000).toISOString(), now)).toBe('刚刚')
    expect(formatRelativeTime(at(2026, 10, 21, 9, 0), now)).toBe('3 小时前')
    expect(formatRelativeTime(at(2026, 10, 20, 23, 0), now)).toBe('昨天')
    expect(formatRelativeTime(at(2026, 10, 17, 8, 0), now)).toBe('4 天前')
    expect(formatRelativeTime(at(2026, 5, 1, 8, 0), now)).toBe('')
  })
  it('puts the date beside it', () => {
    expect(formatCheckinWhen(at(2026, 10, 21, 9, 5), now)).toBe('2 小时前 · 11月21日 09:05')
    expect(formatCheckinWhen(at(2025, 0, 2, 9, 5), now)).toBe('2025年1月2日 09:05')
  })
})

describe('isProgressDrop', () => {
  it('is true only below the latest progress', () => {
    expect(isProgressDrop(undefined, 0)).toBe(false)
    expect(isProgressDrop(75, 75)).toBe(false)
    expect(isProgressDrop(75, 80)).toBe(false)
    expect(isProgressDrop(75, 50)).toBe(true)
  })
})
