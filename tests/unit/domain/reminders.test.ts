import type { ReminderSettings } from '~/domain/reminder-settings'
import type { ReminderInput, ReminderPoint } from '~/domain/reminders'
import { describe, expect, it } from 'vitest'
import { DEFAULT_REMINDER_SETTINGS, parseReminderSettings } from '~/domain/reminder-settings'
import { decideReminder, dueInWords, reminderPath, reminderText, shanghaiDay, shanghaiDayPlus } from '~/domain/reminders'
import { unitMatcher } from '~/domain/unit-match'

// A fixed clock: 2026-06-10 09:00 in China.
const NOW = new Date('2026-06-10T09:00:00+08:00')

function point(id: string, deadline: string | null, extra: Partial<ReminderPoint> = {}): ReminderPoint {
  return { id, title: `要点 ${id}`, planId: 'loudi-2026', deadline, region: '娄底市', level: 'city', leadUnits: ['市财政局'], partnerUnits: [], ...extra }
}

const POINTS = [
  point('today', '2026-06-10'),
  point('d1', '2026-06-11'),
  point('d3', '2026-06-13'),
  point('d5', '2026-06-15'),
  point('d7', '2026-06-17'),
  point('d8', '2026-06-18'),
  point('late', '2026-06-01'),
  point('none', null),
]

const ON: ReminderSettings = { ...DEFAULT_REMINDER_SETTINGS, on: true, unit: false }

function input(over: Partial<ReminderInput> = {}): ReminderInput {
  return {
    now: NOW,
    settings: ON,
    lastShownDay: undefined,
    points: POINTS,
    favorites: new Set(POINTS.map(p => p.id)),
    unit: null,
    latest: new Map(),
    currentPlans: new Set(['loudi-2026']),
    ...over,
  }
}

function ids(i: ReminderInput): string[] {
  const d = decideReminder(i)
  return d.kind === 'remind' ? d.items.map(x => x.id) : []
}

describe('decideReminder', () => {
  it('is off by default', () => {
    expect(DEFAULT_REMINDER_SETTINGS.on).toBe(false)
    expect(decideReminder(input({ settings: DEFAULT_REMINDER_SETTINGS })).kind).toBe('off')
  })

  it('reminds of the points due within N days, soonest first, today included', () => {
    expect(ids(input({ settings: { ...ON, leadDays: 1 } }))).toEqual(['today', 'd1'])
    expect(ids(input({ settings: { ...ON, leadDays: 3 } }))).toEqual(['today', 'd1', 'd3'])
    expect(ids(input({ settings: { ...ON, leadDays: 7 } }))).toEqual(['today', 'd1', 'd3', 'd5', 'd7'])
  })

  it('counts overdue points but never reminds of them alone', () => {
    const d = decideReminder(input())
    expect(d).toMatchObject({ kind: 'remind', day: '2026-06-10', overdue: 1 })
    const onlyLate = input({ favorites: new Set(['late', 'd8', 'none']) })
    expect(decideReminder(onlyLate).kind).toBe('nothing')
  })

  it('leaves out 已完成 points (latest check-in), but not 推进中 or 有困难 ones', () => {
    const latest = new Map([['today', 'done'], ['d1', 'in_progress'], ['d3', 'blocked'], ['late', 'done']] as const)
    const d = decideReminder(input({ latest }))
    expect(d).toMatchObject({ kind: 'remind', overdue: 0 })
    expect(ids(input({ latest }))).toEqual(['d1', 'd3'])
    const allDone = new Map(['today', 'd1', 'd3'].map(id => [id, 'done' as const]))
    expect(decideReminder(input({ latest: allDone })).kind).toBe('nothing')
  })

  it('keeps to the scope: favorites, 我的单位, both', () => {
    const unit = unitMatcher('娄底市教育局')
    const points = [point('fav', '2026-06-11', { leadUnits: ['市财政局'] }), point('mine', '2026-06-12', { leadUnits: ['市教育局'] }), point('partner', '2026-06-12', { leadUnits: ['市财政局'], partnerUnits: ['市教育局'] })]
    const base = input({ points, favorites: new Set(['fav']), unit })
    expect(ids({ ...base, settings: { ...ON, favorites: true, unit: false } })).toEqual(['fav'])
    expect(ids({ ...base, settings: { ...ON, favorites: false, unit: true } })).toEqual(['mine', 'partner'])
    expect(ids({ ...base, settings: { ...ON, favorites: true, unit: true } })).toEqual(['fav', 'mine', 'partner'])
    expect(ids({ ...base, unit: null, settings: { ...ON, favorites: false, unit: true } })).toEqual([])
  })

  it('leaves out points of 往年 plans', () => {
    expect(decideReminder(input({ currentPlans: new Set() })).kind).toBe('nothing')
  })

  it('says nothing for an empty scope or no points', () => {
    expect(decideReminder(input({ points: [] })).kind).toBe('nothing')
    expect(decideReminder(input({ favorites: new Set() })).kind).toBe('nothing')
  })

  it('reminds once per China calendar day, across midnight in Asia/Shanghai', () => {
    expect(decideReminder(input({ lastShownDay: '2026-06-10' })).kind).toBe('shown-today')
    expect(decideReminder(input({ lastShownDay: '2026-06-09' })).kind).toBe('remind')
    // 23:59 on the 10th in China is still the 10th (15:59 UTC); one minute later is the 11th (16:00 UTC).
    const beforeMidnight = new Date('2026-06-10T23:59:00+08:00')
    const afterMidnight = new Date('2026-06-11T00:00:00+08:00')
    expect(decideReminder(input({ now: beforeMidnight, lastShownDay: '2026-06-10' })).kind).toBe('shown-today')
    const next = decideReminder(input({ now: afterMidnight, lastShownDay: '2026-06-10' }))
    expect(next).toMatchObject({ kind: 'remind', day: '2026-06-11' })
    // After midnight the 10th's deadline is overdue and d1 is due today.
    expect(next.kind === 'remind' && next.items[0]).toMatchObject({ id: 'd1', daysLeft: 0 })
    expect(next.kind === 'remind' && next.overdue).toBe(2)
  })
})

describe('days in China', () => {
  it('takes the date at UTC+8 whatever the device says', () => {
    expect(shanghaiDay(new Date('2026-06-10T16:00:00Z'))).toBe('2026-06-11')
    expect(shanghaiDay(new Date('2026-06-10T15:59:59Z'))).toBe('2026-06-10')
    expect(shanghaiDayPlus(new Date('2026-12-30T20:00:00Z'), 7)).toBe('2027-01-07')
  })
})

describe('reminder words and link', () => {
  it('says how many, the first titles with when they are due, and the overdue ones', () => {
    const d = decideReminder(input({ settings: { ...ON, leadDays: 7 } }))
    if (d.kind !== 'remind')
      throw new Error('expected a reminder')
    const text = reminderText(d.items, d.overdue)
    expect(text.title).toBe('要点通 · 5 条要点临近截止')
    expect(text.body.split('\n')).toEqual(['今天到期：要点 today', '明天到期：要点 d1', '3 天后到期：要点 d3', '等共 5 条', '另有 1 条已逾期未完成'])
    expect(reminderText(d.items.slice(0, 1), 0)).toEqual({ title: '要点通 · 1 条要点临近截止', body: '今天到期：要点 today' })
    expect(dueInWords(7)).toBe('7 天后到期')
  })

  it('shortens long titles', () => {
    const long = '深化“一件事一次办”改革，推动更多高频事项集成办理并持续优化服务流程'
    expect(reminderText([{ id: 'x', title: long, deadline: '2026-06-11', daysLeft: 1 }], 0).body).toBe(`明天到期：${long.slice(0, 24)}…`)
  })

  it('links to the list of those points', () => {
    expect(reminderPath([{ id: 'a-1', title: '', deadline: '', daysLeft: 0 }, { id: 'b-2', title: '', deadline: '', daysLeft: 1 }])).toBe('/list?kind=ids&ids=a-1,b-2')
  })
})

describe('parseReminderSettings', () => {
  it('falls back to the defaults (off) for anything unknown', () => {
    expect(parseReminderSettings(undefined)).toEqual(DEFAULT_REMINDER_SETTINGS)
    expect(parseReminderSettings({ on: 'yes', leadDays: 5, favorites: false })).toEqual({ ...DEFAULT_REMINDER_SETTINGS, favorites: false })
    expect(parseReminderSettings({ on: true, leadDays: 7, unit: false, pickedUnit: '娄底市教育局', elder: true }))
      .toEqual({ on: true, leadDays: 7, favorites: true, unit: false, pickedUnit: '娄底市教育局', elder: true })
  })
})
