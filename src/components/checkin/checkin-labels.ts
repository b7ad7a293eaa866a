import type { CheckinStatus } from '~/domain/progress'

export { CHECKIN_STATUS_LABELS } from '~/domain/progress'

export const CHECKIN_STATUSES: CheckinStatus[] = ['not_started', 'in_progress', 'done', 'blocked']

/** A shape per status, so the state never rests on colour alone. */
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
