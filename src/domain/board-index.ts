import type { Board, BoardSection, BoardStatus } from './board'
import type { PlanForCurrency } from './plan-currency'
import type { CheckinStatus } from './progress'
import { deadlineClasses, emptyFigures, finish } from './board'
import { currentPlanIds } from './plan-currency'
import { ownStatus } from './point-filter'

/**
 * A theme's 进度看板, kept when plan data is written: per plan, how many of its points the theme has and how many
 * fall due on each date. The board then reads one small row and the few points that have check-ins, not the theme's
 * 100,000 point ids (reading those took over a second at 4× CPU).
 */
export interface BoardGroup {
  planId: string
  title: string
  /** The plan's year, and whether no stored plan of its series is newer: with today's year, whether it is current. */
  year: number | null
  newest: boolean
  total: number
  /** Distinct earliest deadlines, ascending, and how many points fall due on each; the rest have none. */
  dates: string[]
  dateCounts: number[]
}

export interface BoardIndexRow {
  /** "theme:<id>", as the theme's deck row. */
  key: string
  groups: BoardGroup[]
}

/** What the board needs to know of a point that has a check-in. */
export interface CheckedPoint {
  id: string
  planId: string
  deadline: string | null
}

interface GroupPoint { themes: readonly string[], deadline: string | null }
interface GroupPlan { id: string, title: string, year: number | null, points: Iterable<GroupPoint> }

/** As currentPlanIds on `today`, from what the group keeps. */
export function isCurrentGroup(g: Pick<BoardGroup, 'year' | 'newest'>, today: Date): boolean {
  return g.year === null || g.year >= today.getFullYear() || g.newest
}

/** Sets each group's `newest` from all stored plans (a plan of the same series may have come or gone). */
export function markNewest(rows: BoardIndexRow[], plans: readonly PlanForCurrency[]): BoardIndexRow[] {
  // In a year no plan reaches, only the newest of each series (and plans without a year) are current.
  const newest = currentPlanIds(plans, new Date(8.64e15))
  for (const row of rows) {
    for (const g of row.groups)
      g.newest = newest.has(g.planId)
  }
  return rows
}

/** The groups one plan adds to each theme it has points of. */
export function planBoardGroups(plan: GroupPlan): Map<string, BoardGroup> {
  const byTheme = new Map<string, { total: number, due: Map<string, number> }>()
  for (const point of plan.points) {
    for (const theme of point.themes) {
      let g = byTheme.get(theme)
      if (!g)
        byTheme.set(theme, g = { total: 0, due: new Map() })
      g.total++
      if (point.deadline !== null)
        g.due.set(point.deadline, (g.due.get(point.deadline) ?? 0) + 1)
    }
  }
  const out = new Map<string, BoardGroup>()
  for (const [theme, g] of byTheme) {
    const dates = [...g.due.keys()].sort()
    out.set(theme, { planId: plan.id, title: plan.title, year: plan.year, newest: false, total: g.total, dates, dateCounts: dates.map(d => g.due.get(d)!) })
  }
  return out
}

/**
 * Every theme's board rows after some plans changed: groups of `changedPlanIds` leave, `added` plans' groups come
 * in, each row in `planOrder` (the ids of all stored plans, sorted as decks are). Rows left empty are dropped.
 */
export function spliceBoardIndex(rows: readonly BoardIndexRow[], changedPlanIds: ReadonlySet<string>, added: readonly GroupPlan[], planOrder: readonly string[], keyOf: (theme: string) => string): BoardIndexRow[] {
  const rank = new Map(planOrder.map((id, i) => [id, i]))
  const byKey = new Map(rows.map(r => [r.key, r.groups.filter(g => !changedPlanIds.has(g.planId) && rank.has(g.planId))]))
  for (const plan of added) {
    for (const [theme, group] of planBoardGroups(plan)) {
      const key = keyOf(theme)
      byKey.set(key, [...(byKey.get(key) ?? []), group])
    }
  }
  const last = Number.MAX_SAFE_INTEGER
  return [...byKey]
    .filter(([, groups]) => groups.length > 0)
    .map(([key, groups]) => ({ key, groups: groups.sort((a, b) => (rank.get(a.planId) ?? last) - (rank.get(b.planId) ?? last)) }))
}

/**
 * The same board computeBoard draws from every point, from the index: each plan's points start as 未打卡 with their
 * deadlines counted, then each checked point moves to its status, and a done one stops counting as overdue or due.
 */
export function boardFromIndex(row: BoardIndexRow, checked: readonly CheckedPoint[], latest: ReadonlyMap<string, CheckinStatus>, today: Date): Board {
  const classOf = deadlineClasses(today)
  const sections: BoardSection[] = []
  const bySection = new Map<string, { s: BoardSection, current: boolean }>()
  row.groups.forEach((g, no) => {
    const s: BoardSection = { ...emptyFigures(), no, title: g.title, total: g.total }
    const current = isCurrentGroup(g, today)
    s.counts.none = g.total
    if (current) {
      g.dates.forEach((d, i) => {
        const kind = classOf(d)
        if (kind === 'overdue')
          s.overdue += g.dateCounts[i]!
        else if (kind === 'soon')
          s.dueSoon += g.dateCounts[i]!
      })
    }
    sections.push(s)
    bySection.set(g.planId, { s, current })
  })
  const seen = new Set<string>()
  for (const p of checked) {
    if (seen.has(p.id))
      continue
    seen.add(p.id)
    const group = bySection.get(p.planId)
    const status = latest.get(p.id)
    const own: BoardStatus = ownStatus(status)
    if (!group || own === 'none')
      continue
    const s = group.s
    s.counts.none--
    s.counts[own]++
    if (own === 'done' && group.current) {
      const kind = classOf(p.deadline)
      if (kind === 'overdue')
        s.overdue--
      else if (kind === 'soon')
        s.dueSoon--
    }
  }
  const all = emptyFigures()
  for (const s of sections) {
    all.total += s.total
    all.overdue += s.overdue
    all.dueSoon += s.dueSoon
    for (const k of Object.keys(all.counts) as BoardStatus[])
      all.counts[k] += s.counts[k]
  }
  return { ...finish(all), sections: sections.map(finish) }
}
