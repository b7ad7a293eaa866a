import type { BoardPoint } from '~/domain/board'
import type { BoardIndexRow, CheckedPoint } from '~/domain/board-index'
import type { CheckinStatus } from '~/domain/progress'
import { describe, expect, it } from 'vitest'
import { computeBoard } from '~/domain/board'
import { boardFromIndex, markNewest, planBoardGroups, spliceBoardIndex } from '~/domain/board-index'
import { currentPlanIds } from '~/domain/plan-currency'

const key = (theme: string) => `theme:${theme}`
const STATUSES: (CheckinStatus | undefined)[] = [undefined, 'not_started', 'in_progress', 'done', 'blocked']

interface FixturePlan { id: string, title: string, year: number | null, region: string, series: string, points: { id: string, themes: string[], deadline: string | null }[] }

/** A deterministic pseudo-random corpus: plans of a few series and years, points in 1–2 themes, dates around today. */
function corpus(seed: number): FixturePlan[] {
  let x = seed
  const rnd = (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648
    return x % n
  }
  const plans: FixturePlan[] = []
  for (let p = 0; p < 12; p++) {
    const year = rnd(5) === 0 ? null : 2023 + rnd(4)
    const series = `s${rnd(4)}`
    const points = Array.from({ length: 3 + rnd(20) }, (_, i) => ({
      id: `p${p}-${i}`,
      themes: rnd(3) === 0 ? ['t1', 't2'] : [`t${1 + rnd(3)}`],
      deadline: rnd(4) === 0 ? null : `2026-${String(1 + rnd(12)).padStart(2, '0')}-${String(1 + rnd(28)).padStart(2, '0')}`,
    }))
    plans.push({ id: `plan-${p}`, title: `计划${p}`, year, region: 'r', series, points })
  }
  return plans
}

function indexOf(plans: FixturePlan[]): BoardIndexRow[] {
  return markNewest(spliceBoardIndex([], new Set(), plans, plans.map(p => p.id), key), plans)
}

/** The board as computeBoard draws it from every point of the theme (grouped by plan, in plan order). */
function fromPoints(plans: FixturePlan[], theme: string, latest: Map<string, CheckinStatus>, today: Date) {
  const current = currentPlanIds(plans, today)
  const points: BoardPoint[] = []
  plans.filter(p => p.points.some(pt => pt.themes.includes(theme))).forEach((plan, no) => {
    for (const pt of plan.points.filter(pt => pt.themes.includes(theme)))
      points.push({ id: pt.id, sectionNo: no, sectionTitle: plan.title, deadline: pt.deadline, current: current.has(plan.id) })
  })
  return computeBoard(points, latest, today)
}

describe('the theme board index', () => {
  for (const seed of [1, 7, 42, 2026]) {
    it(`gives computeBoard's figures from the kept counts (corpus ${seed})`, () => {
      const plans = corpus(seed)
      const all = plans.flatMap(p => p.points.map(pt => ({ ...pt, planId: p.id })))
      const latest = new Map<string, CheckinStatus>()
      all.forEach((pt, i) => {
        const s = STATUSES[(i * 7 + seed) % STATUSES.length]
        if (s)
          latest.set(pt.id, s)
      })
      const checked: CheckedPoint[] = all.filter(pt => latest.has(pt.id)).map(pt => ({ id: pt.id, planId: pt.planId, deadline: pt.deadline }))
      for (const today of [new Date(2026, 5, 15, 12), new Date(2025, 0, 1, 9), new Date(2027, 11, 31, 23)]) {
        for (const row of indexOf(plans)) {
          const theme = row.key.slice('theme:'.length)
          // A checked point of another theme is passed too: the board leaves it out.
          expect(boardFromIndex(row, checked.filter(c => all.find(a => a.id === c.id)!.themes.includes(theme)), latest, today)).toEqual(fromPoints(plans, theme, latest, today))
        }
      }
    })
  }

  it('counts a done point\'s deadline out of 逾期 and 30 天内到期 only in current plans', () => {
    const plans: FixturePlan[] = [
      { id: 'a-2025', title: 'A 2025', year: 2025, region: 'r', series: 'a', points: [{ id: 'x', themes: ['t'], deadline: '2025-06-01' }] },
      { id: 'a-2026', title: 'A 2026', year: 2026, region: 'r', series: 'a', points: [{ id: 'y', themes: ['t'], deadline: '2026-06-01' }, { id: 'z', themes: ['t'], deadline: '2026-06-20' }] },
    ]
    const [row] = indexOf(plans)
    const today = new Date(2026, 5, 15, 12)
    const board = boardFromIndex(row!, [{ id: 'y', planId: 'a-2026', deadline: '2026-06-01' }], new Map([['y', 'done' as const]]), today)
    expect(board.sections.map(s => [s.title, s.overdue, s.dueSoon, s.counts.done])).toEqual([['A 2025', 0, 0, 0], ['A 2026', 0, 1, 1]])
    expect(board.percent).toBe(33)
  })

  it('splices a changed plan out and its new edition in, in plan order, and re-marks the newest of a series', () => {
    const plans = corpus(3)
    const rows = indexOf(plans)
    const edited = { ...plans[4]!, title: '改过的计划', points: plans[4]!.points.map(p => ({ ...p, themes: ['t9'] })) }
    const newer = { ...plans[4]!, id: 'plan-new', year: 2099, title: '新一年', points: [{ id: 'n1', themes: ['t1'], deadline: null }] }
    const after = [...plans.slice(0, 4), edited, ...plans.slice(5), newer]
    const spliced = markNewest(spliceBoardIndex(rows, new Set([edited.id]), [edited, newer], after.map(p => p.id), key), after)
    const fresh = indexOf(after)
    const sort = (r: BoardIndexRow[]) => [...r].sort((a, b) => a.key.localeCompare(b.key))
    expect(sort(spliced)).toEqual(sort(fresh))
    expect(spliced.find(r => r.key === 'theme:t9')!.groups.map(g => g.title)).toEqual(['改过的计划'])
  })

  it('keeps per plan the points of a theme and how many fall due on each date', () => {
    const groups = planBoardGroups({ id: 'p', title: 'P', year: 2026, points: [
      { themes: ['t'], deadline: '2026-03-01' },
      { themes: ['t', 'u'], deadline: '2026-01-01' },
      { themes: ['t'], deadline: '2026-03-01' },
      { themes: ['u'], deadline: null },
    ] })
    expect(groups.get('t')).toEqual({ planId: 'p', title: 'P', year: 2026, newest: false, total: 3, dates: ['2026-01-01', '2026-03-01'], dateCounts: [1, 2] })
    expect(groups.get('u')).toMatchObject({ total: 2, dates: ['2026-01-01'], dateCounts: [1] })
  })
})
