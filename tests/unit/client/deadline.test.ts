import { describe, expect, it } from 'vitest'
import { addDaysIso, deadlineStatus, isoDateToDayNumber } from '~/domain/deadline'

// Local-time constructors keep these tests independent of the machine's time zone.
const day = (y: number, m: number, d: number, h = 10) => new Date(y, m - 1, d, h)

describe('deadlineStatus', () => {
  it('labels a deadline today, whatever the hour', () => {
    expect(deadlineStatus('2026-11-21', day(2026, 11, 21, 0))).toEqual({ kind: 'soon', daysLeft: 0, label: '今天截止' })
    expect(deadlineStatus('2026-11-21', day(2026, 11, 21, 23))).toEqual({ kind: 'soon', daysLeft: 0, label: '今天截止' })
  })

  it('counts days overdue', () => {
    expect(deadlineStatus('2026-11-20', day(2026, 11, 21))).toEqual({ kind: 'overdue', daysLeft: -1, label: '已逾期 1 天' })
    expect(deadlineStatus('2023-12-31', day(2024, 1, 3))).toEqual({ kind: 'overdue', daysLeft: -3, label: '已逾期 3 天' })
  })

  it('counts days left up to 30, then gives the date', () => {
    expect(deadlineStatus('2026-11-26', day(2026, 11, 21))).toEqual({ kind: 'soon', daysLeft: 5, label: '剩 5 天' })
    expect(deadlineStatus('2026-12-21', day(2026, 11, 21))).toEqual({ kind: 'soon', daysLeft: 30, label: '剩 30 天' })
    expect(deadlineStatus('2026-12-22', day(2026, 11, 21))).toEqual({ kind: 'later', daysLeft: 31, label: '12月22日前' })
    expect(deadlineStatus('2026-12-31', day(2026, 1, 1))).toMatchObject({ kind: 'later', label: '12月31日前' })
    // Another year is named, or "12月31日前" would be read as this year.
    expect(deadlineStatus('2027-06-30', day(2026, 11, 21))).toMatchObject({ kind: 'later', label: '2027年6月30日前' })
  })

  it('handles leap days', () => {
    expect(deadlineStatus('2024-02-29', day(2024, 2, 28))).toMatchObject({ daysLeft: 1, label: '剩 1 天' })
    expect(deadlineStatus('2024-03-01', day(2024, 2, 28))).toMatchObject({ daysLeft: 2 })
    expect(deadlineStatus('2023-03-01', day(2023, 2, 28))).toMatchObject({ daysLeft: 1 })
    expect(deadlineStatus('2024-02-29', day(2024, 3, 1))).toMatchObject({ kind: 'overdue', daysLeft: -1 })
    expect(deadlineStatus('2023-02-29', day(2023, 2, 1))).toEqual({ kind: 'none', daysLeft: null, label: '无明确时限' })
  })

  it('says 无明确时限 for null, empty or malformed dates', () => {
    for (const v of [null, undefined, '', '2023-13-01', '2023-6-30', '年底前'])
      expect(deadlineStatus(v, day(2026, 11, 21))).toEqual({ kind: 'none', daysLeft: null, label: '无明确时限' })
  })

  it('honours a custom "soon" window', () => {
    expect(deadlineStatus('2026-11-29', day(2026, 11, 21), 7).kind).toBe('later')
    expect(deadlineStatus('2026-11-28', day(2026, 11, 21), 7).kind).toBe('soon')
  })
})

describe('date helpers', () => {
  it('adds calendar days across month, year and leap boundaries', () => {
    expect(addDaysIso(day(2024, 2, 28), 1)).toBe('2024-02-29')
    expect(addDaysIso(day(2026, 12, 20, 23), 30)).toBe('2027-01-19')
    expect(addDaysIso(day(2026, 3, 1, 0), -1)).toBe('2026-02-28')
  })

  it('rejects dates that do not exist', () => {
    expect(isoDateToDayNumber('2024-02-29')).not.toBeNull()
    expect(isoDateToDayNumber('2025-02-29')).toBeNull()
    expect(isoDateToDayNumber('2025-04-31')).toBeNull()
  })
})
