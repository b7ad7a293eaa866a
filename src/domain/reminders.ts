import type { CheckinStatus } from './progress'
import type { ReminderSettings } from './reminder-settings'
import type { UnitMatcher, UnitPointContext } from './unit-match'
import { isoDateToDayNumber } from './deadline'
import { unitRole } from './unit-match'

/**
 * Deadline reminders (opt-in): which of the user's points to remind of today, and the words. A point is the user's
 * when it is favorited or concerns 我的单位 (the /list matching, unit-match.ts); it reminds while its deadline is
 * 0..N days ahead and it is not 已完成. Overdue points never trigger a reminder on their own (they would nag every
 * day for ever; 首页's 临近截止 already leads with them in red), but a reminder that fires names how many are
 * overdue. At most one reminder per calendar day in China (Asia/Shanghai, UTC+8 with no DST), whichever path showed
 * it (notification from the service worker, or the in-app banner). Pure: the clock is a parameter.
 */

const DAY_MS = 86_400_000
const SHANGHAI_OFFSET_MS = 8 * 3_600_000

/** The calendar day in China at `now`, as YYYY-MM-DD: the key of "once a day". */
export function shanghaiDay(now: Date): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

/** The China calendar day `days` after `now`, as YYYY-MM-DD (the deadline index's upper bound). */
export function shanghaiDayPlus(now: Date, days: number): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS + days * DAY_MS).toISOString().slice(0, 10)
}

/** What a point needs to be judged: its deadline, its units (for 我的单位) and whether its plan is current. */
export interface ReminderPoint extends UnitPointContext {
  id: string
  title: string
  planId: string
  deadline: string | null
}

export interface ReminderInput {
  now: Date
  settings: ReminderSettings
  /** The day (shanghaiDay) a reminder was last shown, if ever. */
  lastShownDay: string | undefined
  /** Candidate points: at least every point with a deadline up to N days ahead (more do no harm). */
  points: readonly ReminderPoint[]
  favorites: ReadonlySet<string>
  /** 我的单位, prepared; null when there is none or the scope leaves it out. */
  unit: UnitMatcher | null
  /** The latest check-in status per point id (the owner's). */
  latest: ReadonlyMap<string, CheckinStatus>
  /** Current plans (plan-currency.ts): 往年 plans were replaced by a newer one and never remind. */
  currentPlans: ReadonlySet<string>
}

export interface ReminderItem {
  id: string
  title: string
  deadline: string
  daysLeft: number
}

export type ReminderDecision
  = | { kind: 'off' }
    | { kind: 'shown-today' }
    | { kind: 'nothing' }
    | { kind: 'remind', day: string, items: ReminderItem[], overdue: number }

/** Whether a point is the user's under the chosen scope. */
function inScope(p: ReminderPoint, input: ReminderInput): boolean {
  if (input.settings.favorites && input.favorites.has(p.id))
    return true
  return !!(input.settings.unit && input.unit && unitRole(p, input.unit))
}

/** Today's reminder, if any: due points soonest first (then by id, so the order is stable), with the overdue count. */
export function decideReminder(input: ReminderInput): ReminderDecision {
  if (!input.settings.on)
    return { kind: 'off' }
  const day = shanghaiDay(input.now)
  if (input.lastShownDay === day)
    return { kind: 'shown-today' }
  const today = isoDateToDayNumber(day)!
  const items: ReminderItem[] = []
  let overdue = 0
  for (const p of input.points) {
    const deadlineDay = p.deadline ? isoDateToDayNumber(p.deadline) : null
    if (deadlineDay === null || !input.currentPlans.has(p.planId) || input.latest.get(p.id) === 'done' || !inScope(p, input))
      continue
    const daysLeft = deadlineDay - today
    if (daysLeft < 0)
      overdue++
    else if (daysLeft <= input.settings.leadDays)
      items.push({ id: p.id, title: p.title, deadline: p.deadline!, daysLeft })
  }
  if (!items.length)
    return { kind: 'nothing' }
  items.sort((a, b) => a.daysLeft - b.daysLeft || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return { kind: 'remind', day, items, overdue }
}

/** 今天到期 / 明天到期 / 3 天后到期. */
export function dueInWords(daysLeft: number): string {
  return daysLeft === 0 ? '今天到期' : daysLeft === 1 ? '明天到期' : `${daysLeft} 天后到期`
}

const TITLE_CHARS = 24
const SHOWN_TITLES = 3

function shortTitle(title: string): string {
  const t = title.trim().replace(/\s+/g, ' ')
  return t.length > TITLE_CHARS ? `${t.slice(0, TITLE_CHARS)}…` : t
}

export interface ReminderText {
  title: string
  body: string
}

/** The notification's words: how many, then the first few points with when they are due. */
export function reminderText(items: readonly ReminderItem[], overdue: number): ReminderText {
  const lines = items.slice(0, SHOWN_TITLES).map(i => `${dueInWords(i.daysLeft)}：${shortTitle(i.title)}`)
  if (items.length > SHOWN_TITLES)
    lines.push(`等共 ${items.length} 条`)
  if (overdue > 0)
    lines.push(`另有 ${overdue} 条已逾期未完成`)
  return { title: `要点通 · ${items.length} 条要点临近截止`, body: lines.join('\n') }
}

/** Ids a link carries at most: a URL stays short; the list says the rest are on 首页's 临近截止. */
export const REMINDER_LINK_IDS = 50

/** The in-app path of the list of the reminded points (/list of a fixed id deck). */
export function reminderPath(items: readonly ReminderItem[]): string {
  const ids = items.slice(0, REMINDER_LINK_IDS).map(i => encodeURIComponent(i.id)).join(',')
  return `/list?kind=ids&ids=${ids}`
}
