import type { MyStatus } from './point-filter'
import type { CheckinStatus } from './progress'
import { deadlineStatus } from './deadline'
import { ownStatus } from './point-filter'

/**
 * 进度看板: counts by status, completion, overdue and due-soon points of a set of points. Pure: the points,
 * the latest check-ins and the clock come in, so the figures can be checked against a hand count.
 */

/** The four statuses a point is in exactly one of (逾期 and 30 天内到期 are counted beside them). */
export type BoardStatus = Exclude<MyStatus, 'overdue' | 'due_soon'>
export const BOARD_STATUSES: BoardStatus[] = ['none', 'in_progress', 'done', 'blocked']

export interface BoardPoint {
  id: string
  sectionNo: number
  sectionTitle: string
  deadline: string | null
  /** The plan is current; past years' points are never overdue. */
  current: boolean
}

export interface BoardFigures {
  total: number
  counts: Record<BoardStatus, number>
  /** 已完成 / total, whole per cent (0 when there are no points). */
  percent: number
  overdue: number
  /** Not done, due today or within the next 30 days. */
  dueSoon: number
}

export interface BoardSection extends BoardFigures {
  no: number
  title: string
}

export interface Board extends BoardFigures {
  sections: BoardSection[]
}

export function emptyFigures(): BoardFigures {
  return { total: 0, counts: { none: 0, in_progress: 0, done: 0, blocked: 0 }, percent: 0, overdue: 0, dueSoon: 0 }
}

function add(f: BoardFigures, own: BoardStatus, overdue: boolean, dueSoon: boolean): void {
  f.total++
  f.counts[own]++
  if (overdue)
    f.overdue++
  if (dueSoon)
    f.dueSoon++
}

export function finish<F extends BoardFigures>(f: F): F {
  f.percent = f.total === 0 ? 0 : Math.round((f.counts.done / f.total) * 100)
  return f
}

/**
 * A deadline's class on `today`, cached per date: 100,000 points share a few hundred dates, and classifying each
 * point afresh was most of the board's time at that scale.
 */
export function deadlineClasses(today: Date): (deadline: string | null) => 'overdue' | 'soon' | 'other' {
  const seen = new Map<string, 'overdue' | 'soon' | 'other'>()
  return (deadline) => {
    if (deadline === null)
      return 'other'
    let kind = seen.get(deadline)
    if (!kind) {
      const k = deadlineStatus(deadline, today).kind
      kind = k === 'overdue' || k === 'soon' ? k : 'other'
      seen.set(deadline, kind)
    }
    return kind
  }
}

/** The board of `points` under `latest` (point id → newest status) on `today`; sections in first-seen order. */
export function computeBoard(points: readonly BoardPoint[], latest: ReadonlyMap<string, CheckinStatus>, today: Date): Board {
  const all = emptyFigures()
  const sections = new Map<number, BoardSection>()
  const classOf = deadlineClasses(today)
  for (const p of points) {
    // As myStatuses: 往年 and done points are never overdue or due soon.
    const status = latest.get(p.id)
    const own: BoardStatus = ownStatus(status)
    const kind = p.current && own !== 'done' ? classOf(p.deadline) : 'other'
    const overdue = kind === 'overdue'
    const dueSoon = kind === 'soon'
    add(all, own, overdue, dueSoon)
    let s = sections.get(p.sectionNo)
    if (!s) {
      s = { ...emptyFigures(), no: p.sectionNo, title: p.sectionTitle }
      sections.set(p.sectionNo, s)
    }
    add(s, own, overdue, dueSoon)
  }
  return { ...finish(all), sections: [...sections.values()].map(finish) }
}

/**
 * A unit's view: per point the newest status of anyone in it (the viewer's own or a colleague's pulled check-in),
 * compared as instants since the server may write an offset where the device wrote Z.
 */
export function newestStatuses(rows: Iterable<{ pointId: string, status: CheckinStatus, createdAt: string }>): Map<string, CheckinStatus> {
  const newest = new Map<string, { at: number, status: CheckinStatus }>()
  for (const r of rows) {
    const at = Date.parse(r.createdAt)
    const seen = newest.get(r.pointId)
    if (!seen || at > seen.at)
      newest.set(r.pointId, { at, status: r.status })
  }
  return new Map([...newest].map(([id, v]) => [id, v.status]))
}
