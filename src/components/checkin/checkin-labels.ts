import type { CheckinStatus } from '~/domain/progress'

export { CHECKIN_STATUS_LABELS } from '~/domain/progress-rules'

export const CHECKIN_STATUSES: CheckinStatus[] = ['not_started', 'in_progress', 'done', 'blocked']

/** Typed shapes per status, kept for old callers only: draw CheckinStatusText (an SVG icon with the word) instead. */
export const CHECKIN_STATUS_MARKS: Record<CheckinStatus, string> = {
  not_started: '○',
  in_progress: '◐',
  done: '✓',
  blocked: '!',
}

/** The progress a status suggests when the user picks it (they can still change it). */
export function suggestedProgress(status: CheckinStatus, current: number): number {
  if (status === 'done')
    return 100
  if (status === 'not_started')
    return 0
  return current === 100 || current === 0 ? 50 : current
}

/** A check-in time in local words, e.g. 11月21日 09:05 (the year only when it is not this year). */
export function formatCheckinTime(iso: string, now: Date = new Date()): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime()))
    return iso
  const p = (n: number) => String(n).padStart(2, '0')
  const year = d.getFullYear() === now.getFullYear() ? '' : `${d.getFullYear()}年`
  return `${year}${d.getMonth() + 1}月${d.getDate()}日 ${p(d.getHours())}:${p(d.getMinutes())}`
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** How long ago, in words: 刚刚, 5 分钟前, 3 小时前, 昨天, 4 天前; beyond a month only the date says it. */
export function formatRelativeTime(iso: string, now: Date = new Date()): string {
  const d = new Date(iso)
  const ms = now.getTime() - d.getTime()
  if (Number.isNaN(ms))
    return ''
  if (ms < MINUTE)
    return '刚刚'
  if (ms < HOUR)
    return `${Math.floor(ms / MINUTE)} 分钟前`
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime()
  if (d.getTime() >= startOfToday)
    return `${Math.floor(ms / HOUR)} 小时前`
  const days = Math.ceil((startOfToday - d.getTime()) / DAY)
  if (days === 1)
    return '昨天'
  if (days < 30)
    return `${days} 天前`
  return ''
}

/** "3 小时前 · 11月21日 09:05", or the date alone when it is long ago. */
export function formatCheckinWhen(iso: string, now: Date = new Date()): string {
  const relative = formatRelativeTime(iso, now)
  const date = formatCheckinTime(iso, now)
  return relative ? `${relative} · ${date}` : date
}

/**
 * Whether saving `progress` would move the point backwards from the latest check-in: then the sheet asks for a
 * reason (the note) or an explicit confirmation before it records it.
 */
export function isProgressDrop(latestProgress: number | undefined, progress: number): boolean {
  return latestProgress !== undefined && progress < latestProgress
}
