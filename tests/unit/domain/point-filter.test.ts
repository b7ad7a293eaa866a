import type { FilterPoint, FilterRow, PointFilter } from '~/domain/point-filter'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyFilter, facetCounts, FILTER_DIMENSIONS, matchesFilter, myStatuses, parsePointFilter, pointFilterKey, serializePointFilter, toFilterRows } from '~/domain/point-filter'

const today = new Date(2023, 6, 1) // 2023-07-01, local

function row(id: string, over: Partial<FilterRow> = {}): FilterRow {
  return { id, planId: 'hunan-2023', level: 'province', region: '湖南省', current: true, leads: ['湖南省政务局'], statuses: ['none'], ...over }
}

const ROWS: FilterRow[] = [
  row('a'),
  row('b', { leads: ['湖南省政务局', '湖南省财政厅'], statuses: ['in_progress', 'overdue'] }),
  row('c', { planId: 'hunan-2022', current: false, statuses: ['done'] }),
  row('d', { planId: 'changsha-2023', level: 'city', region: '长沙市', leads: ['长沙市数据资源局'], statuses: ['blocked'] }),
  row('e', { planId: 'changsha-2023', level: 'city', region: '长沙市', leads: ['长沙市政务服务中心'] }),
]

describe('my status', () => {
  it('reads the latest check-in, and 逾期 from a current plan\'s passed deadline', () => {
    expect(myStatuses(undefined, null, true, today)).toEqual(['none'])
    expect(myStatuses('not_started', '2023-06-30', true, today)).toEqual(['none', 'overdue'])
    expect(myStatuses('in_progress', '2023-06-30', true, today)).toEqual(['in_progress', 'overdue'])
    expect(myStatuses('done', '2023-06-30', true, today)).toEqual(['done'])
    // Due today or within 30 days: 30天内到期, what 进度看板's figure links to; later, nothing beside the status.
    expect(myStatuses('blocked', '2023-07-01', true, today)).toEqual(['blocked', 'due_soon'])
    expect(myStatuses(undefined, '2023-07-31', true, today)).toEqual(['none', 'due_soon'])
    expect(myStatuses(undefined, '2023-08-15', true, today)).toEqual(['none'])
    expect(myStatuses('done', '2023-07-10', true, today)).toEqual(['done'])
    // 往年: the next year's plan took the point over.
    expect(myStatuses(undefined, '2022-12-31', false, today)).toEqual(['none'])
    expect(myStatuses(undefined, '2023-07-10', false, today)).toEqual(['none'])
  })

  it('builds rows in the order given', () => {
    const points: FilterPoint[] = [
      { id: 'x', planId: 'p1', level: 'city', region: '长沙市', leads: ['长沙市政务服务中心'], deadline: '2023-01-31', role: 'lead' },
      { id: 'y', planId: 'p2', level: 'city', region: '长沙市', leads: [], deadline: null },
    ]
    const rows = toFilterRows(points, new Set(['p1']), new Map([['y', { status: 'done' as const }]]), today)
    expect(rows).toEqual([
      { id: 'x', planId: 'p1', level: 'city', region: '长沙市', current: true, leads: ['长沙市政务服务中心'], statuses: ['none', 'overdue'], role: 'lead' },
      { id: 'y', planId: 'p2', level: 'city', region: '长沙市', current: false, leads: [], statuses: ['done'] },
    ])
  })
})

describe('applyFilter', () => {
  it('keeps the rows every chosen dimension allows, in order', () => {
    const ids = (f: PointFilter) => applyFilter(ROWS, f).map(r => r.id)
    expect(ids({})).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(ids({ level: 'city' })).toEqual(['d', 'e'])
    expect(ids({ year: 'past' })).toEqual(['c'])
    expect(ids({ lead: '湖南省财政厅' })).toEqual(['b'])
    expect(ids({ lead: '湖南省政务局', year: 'current' })).toEqual(['a', 'b'])
    expect(ids({ status: 'overdue' })).toEqual(['b'])
    expect(ids({ status: 'none', region: '长沙市' })).toEqual(['e'])
    expect(ids({ plan: 'changsha-2023', status: 'done' })).toEqual([])
  })

  it('leaves 泛指 (collective) unit matches out unless asked for', () => {
    const rows = [row('l', { role: 'lead' }), row('p', { role: 'partner' }), row('c', { role: 'collective' })]
    expect(applyFilter(rows, {}).map(r => r.id)).toEqual(['l', 'p'])
    expect(applyFilter(rows, { role: 'collective' }).map(r => r.id)).toEqual(['c'])
    expect(applyFilter(rows, { role: 'partner' }).map(r => r.id)).toEqual(['p'])
  })
})

describe('facetCounts', () => {
  it('counts what each option would leave with the other filters in place', () => {
    const f = facetCounts(ROWS, { level: 'province' })
    expect(f.total).toBe(3)
    // Level is the chosen dimension: its options count as if it were changed.
    expect(Object.fromEntries(f.options.level)).toEqual({ province: 3, city: 2 })
    expect(f.cleared.level).toBe(5)
    expect(Object.fromEntries(f.options.year)).toEqual({ current: 2, past: 1 })
    // A point with two lead units counts under each.
    expect(Object.fromEntries(f.options.lead)).toEqual({ 湖南省政务局: 3, 湖南省财政厅: 1 })
    expect(Object.fromEntries(f.options.status)).toEqual({ none: 1, in_progress: 1, overdue: 1, done: 1 })
  })

  it('counts 泛指 apart from the other dimensions', () => {
    const rows = [row('l', { role: 'lead' }), row('c', { role: 'collective', level: 'city' })]
    const f = facetCounts(rows, {})
    expect(f.total).toBe(1)
    expect(Object.fromEntries(f.options.role)).toEqual({ lead: 1, collective: 1 })
    expect(Object.fromEntries(f.options.level)).toEqual({ province: 1 })
  })

  const arbRow = fc.record({
    id: fc.uuid(),
    planId: fc.constantFrom('p1', 'p2', 'p3'),
    level: fc.constantFrom('province' as const, 'city' as const),
    region: fc.constantFrom('湖南省', '长沙市'),
    current: fc.boolean(),
    leads: fc.uniqueArray(fc.constantFrom('甲', '乙', '丙'), { maxLength: 3 }),
    statuses: fc.constantFrom(['none'], ['done'], ['in_progress', 'overdue'], ['blocked']),
    role: fc.constantFrom('lead' as const, 'partner' as const, 'collective' as const),
  })
  const arbFilter = fc.record({
    plan: fc.constantFrom('p1', 'p2', undefined),
    level: fc.constantFrom('province' as const, 'city' as const, undefined),
    year: fc.constantFrom('current' as const, 'past' as const, undefined),
    lead: fc.constantFrom('甲', '乙', undefined),
    status: fc.constantFrom('none' as const, 'overdue' as const, undefined),
    role: fc.constantFrom('lead' as const, 'collective' as const, undefined),
  }).map(f => parsePointFilter(f as Record<string, string | undefined>))

  it('says of every option exactly how many rows picking it leaves', () => {
    fc.assert(fc.property(fc.array(arbRow, { maxLength: 40 }), arbFilter, (rows, filter) => {
      const f = facetCounts(rows, filter)
      expect(f.total).toBe(rows.filter(r => matchesFilter(r, filter)).length)
      for (const dim of FILTER_DIMENSIONS) {
        for (const [value, count] of f.options[dim])
          expect(count).toBe(applyFilter(rows, { ...filter, [dim]: value }).length)
      }
    }))
  })
})

describe('route query', () => {
  it('round-trips and drops what it does not know', () => {
    const filter: PointFilter = { plan: 'hunan-2023-zwgk', level: 'city', year: 'past', region: '长沙市', lead: '长沙市数据资源局', status: 'overdue', role: 'partner' }
    expect(parsePointFilter(serializePointFilter(filter))).toEqual(filter)
    expect(parsePointFilter({ level: 'galaxy', year: 'someday', status: ['done', 'blocked'], region: '  ', kind: 'theme', lead: null })).toEqual({ status: 'done' })
    expect(serializePointFilter({})).toEqual({})
  })

  it('keys equal filters alike whatever order they were built in', () => {
    expect(pointFilterKey({ status: 'done', level: 'city' })).toBe(pointFilterKey({ level: 'city', status: 'done' }))
    expect(pointFilterKey({ level: 'city' })).not.toBe(pointFilterKey({ level: 'county' }))
  })
})
