/**
 * Deadline badges: how far a work point's deadline is from today, in words
 * (the UI never tells the state by colour alone).
 */

export type DeadlineKind = 'overdue' | 'soon' | 'later' | 'none'

export interface DeadlineStatus {
  kind: DeadlineKind
  /** Calendar days from today to the deadline; negative when overdue, null when there is none. */
  daysLeft: number | null
  label: string
}

/** Points due within this many days count as 临近截止. */
export const DUE_SOON_DAYS = 30

const DAY_MS = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Parses YYYY-MM-DD into a UTC day number, or null when it is not a real calendar date. */
export function isoDateToDayNumber(isoDate: string): number | null {
  const m = ISO_DATE.exec(isoDate)
  if (!m)
    return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const ms = Date.UTC(y, mo - 1, d)
  const back = new Date(ms)
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return null
  return ms / DAY_MS
}

/** The local calendar day of `date` as a UTC day number (so DST never shifts a day). */
export function localDayNumber(date: Date): number {
  return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY_MS
}

/** The local calendar date `days` after `date`, as YYYY-MM-DD. */
export function addDaysIso(date: Date, days: number): string {
  return new Date((localDayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10)
}

/** Classifies a deadline against today (local calendar days) and labels it in Chinese. */
export function deadlineStatus(isoDate: string | null | undefined, today: Date = new Date(), soonDays: number = DUE_SOON_DAYS): DeadlineStatus {
  const day = isoDate ? isoDateToDayNumber(isoDate) : null
  if (day === null)
    return { kind: 'none', daysLeft: null, label: '无明确时限' }
  const daysLeft = day - localDayNumber(today)
  if (daysLeft < 0)
    return { kind: 'overdue', daysLeft, label: `已逾期 ${-daysLeft} 天` }
  if (daysLeft === 0)
    return { kind: 'soon', daysLeft, label: '今天截止' }
  if (daysLeft <= soonDays)
    return { kind: 'soon', daysLeft, label: `剩 ${daysLeft} 天` }
  const [y, m, d] = isoDate!.split('-').map(Number) as [number, number, number]
  const year = y === today.getFullYear() ? '' : `${y}年`
  return { kind: 'later', daysLeft, label: `${year}${m}月${d}日前` }
}

/** The earliest of a point's deadline dates, or null when it has none. */
export function earliestDeadline(point: { deadlines: readonly { date: string }[] }): string | null {
  let min: string | null = null
  for (const d of point.deadlines) {
    if (min === null || d.date < min)
      min = d.date
  }
  return min
}
