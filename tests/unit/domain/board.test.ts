import type { BoardPoint } from '~/domain/board'
import type { CheckinStatus } from '~/domain/progress'
import { describe, expect, it } from 'vitest'
import { computeBoard, newestStatuses } from '~/domain/board'

// Fixed clock: 2026-06-15 local noon. Deadlines: 06-10 passed, 06-15 today, 07-15 = 30 days, 07-16 = 31 days.
const today = new Date(2026, 5, 15, 12)

function pt(id: string, sectionNo: number, deadline: string | null, current = true): BoardPoint {
  return { id, sectionNo, sectionTitle: `第${sectionNo}部分`, deadline, current }
}

const points: BoardPoint[] = [
  pt('a', 1, '2026-06-10'), // none, overdue
  pt('b', 1, '2026-06-10'), // done: never overdue
  pt('c', 1, '2026-06-15'), // in_progress, due today → due soon
  pt('d', 1, '2026-07-15'), // blocked, 30 days → due soon
  pt('e', 2, '2026-07-16'), // not_started → none, 31 days: later
  pt('f', 2, null), // done, no deadline
  pt('g', 2, '2026-06-01', false), // past plan, no check-in: none, not overdue
  pt('h', 2, '2026-06-20'), // done, due soon but done → not counted
]
const latest = new Map<string, CheckinStatus>([
  ['b', 'done'],
  ['c', 'in_progress'],
  ['d', 'blocked'],
  ['e', 'not_started'],
  ['f', 'done'],
  ['h', 'done'],
])

describe('computeBoard', () => {
  it('matches the hand count of the fixture', () => {
    const board = computeBoard(points, latest, today)
    expect(board.total).toBe(8)
    expect(board.counts).toEqual({ none: 3, in_progress: 1, done: 3, blocked: 1 })
    expect(board.percent).toBe(38) // 3 / 8 = 37.5 %
    expect(board.overdue).toBe(1)
    expect(board.dueSoon).toBe(2)
    expect(board.sections.map(s => [s.no, s.total, s.counts.done, s.percent, s.overdue, s.dueSoon])).toEqual([
      [1, 4, 1, 25, 1, 2],
      [2, 4, 2, 50, 0, 0],
    ])
    expect(board.sections[0]!.title).toBe('第1部分')
  })

  it('gives zeros and 0 % for no points', () => {
    const board = computeBoard([], latest, today)
    expect(board).toMatchObject({ total: 0, percent: 0, overdue: 0, dueSoon: 0, sections: [] })
  })

  it('moves with the clock: a day later the due-today point is overdue', () => {
    const board = computeBoard(points, latest, new Date(2026, 5, 16, 12))
    expect(board.overdue).toBe(2)
  })
})

describe('newestStatuses', () => {
  it('keeps the newest status per point across authors, comparing instants', () => {
    const m = newestStatuses([
      { pointId: 'a', status: 'in_progress', createdAt: '2026-06-01T10:00:00.000Z' },
      { pointId: 'a', status: 'done', createdAt: '2026-06-01T19:00:00+08:00' }, // 11:00Z: newer
      { pointId: 'b', status: 'blocked', createdAt: '2026-06-02T00:00:00.000Z' },
      { pointId: 'b', status: 'in_progress', createdAt: '2026-06-01T00:00:00.000Z' },
    ])
    expect([...m]).toEqual([['a', 'done'], ['b', 'blocked']])
  })
})
