import type { LinkingPoint } from '~/domain/reverse-relations'
import { describe, expect, it } from 'vitest'
import { linkTargets, reverseRelations, successorYear } from '~/domain/reverse-relations'

function pt(id: string, over: Partial<LinkingPoint> = {}): LinkingPoint {
  return { id, planId: id.replace(/-\d+$/, ''), region: '湖南省', level: 'province', year: 2023, order: Number(id.split('-').at(-1)), related: [], ...over }
}

describe('linkTargets', () => {
  it('indexes parent and previous targets once each, never peers', () => {
    expect(linkTargets({ related: [
      { pointId: 'a', kind: 'parent', score: 0.9 },
      { pointId: 'b', kind: 'peer', score: 0.9 },
      { pointId: 'c', kind: 'previous', score: 0.7 },
      { pointId: 'a', kind: 'previous', score: 0.6 },
    ] })).toEqual(['a', 'c'])
  })
})

describe('reverseRelations', () => {
  const target = 'hunan-2022-zwgk-3'
  it('splits the linking points into 下年要点 and 下级落实 grouped by region, cities before counties', () => {
    const rows = [
      pt('xiangtan-2023-zwgk-2', { region: '湘潭县', level: 'county', related: [{ pointId: target, kind: 'parent', score: 0.6 }] }),
      pt('loudi-2023-zwgk-5', { region: '娄底市', level: 'city', related: [{ pointId: target, kind: 'parent', score: 0.7 }] }),
      pt('hunan-2023-zwgk-4', { related: [{ pointId: target, kind: 'previous', score: 0.8 }] }),
      pt('changsha-2023-zwgk-9', { region: '长沙市', level: 'city', related: [{ pointId: target, kind: 'parent', score: 0.7 }] }),
      pt('loudi-2023-zwgk-1', { region: '娄底市', level: 'city', related: [{ pointId: target, kind: 'parent', score: 0.7 }] }),
      // Links to another point only (an index hit on a different relation of the same row does not count).
      pt('hunan-2023-zwgk-7', { related: [{ pointId: 'other', kind: 'previous', score: 0.8 }, { pointId: target, kind: 'peer', score: 0.8 }] }),
    ]
    const r = reverseRelations(target, rows)
    expect(r.successors.map(p => p.id)).toEqual(['hunan-2023-zwgk-4'])
    expect(r.implementations.map(g => [g.region, g.points.map(p => p.id)])).toEqual([
      ['娄底市', ['loudi-2023-zwgk-1', 'loudi-2023-zwgk-5']],
      ['长沙市', ['changsha-2023-zwgk-9']],
      ['湘潭县', ['xiangtan-2023-zwgk-2']],
    ])
  })

  it('ignores a point linking to itself', () => {
    expect(reverseRelations('a-1', [pt('a-1', { related: [{ pointId: 'a-1', kind: 'previous', score: 1 }] })]).successors).toEqual([])
  })
})

describe('successorYear', () => {
  it('is the earliest year that continues the point, or null', () => {
    expect(successorYear([{ year: 2024 }, { year: 2023 }, { year: null }])).toBe(2023)
    expect(successorYear([])).toBeNull()
  })
})
