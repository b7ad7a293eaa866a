import { describe, expect, it } from 'vitest'
import { listDeckSource, listQuery, listSourceFromQuery } from '~/components/list/list-route'
import { deckSourceKey } from '~/domain/deck'

type Query = Parameters<typeof listSourceFromQuery>[0]
const asQuery = (raw: Record<string, unknown>): Query => raw as Query

describe('list route', () => {
  it('round-trips a deck with its filters, and the deck it opens', () => {
    const list = { base: { kind: 'theme' as const, id: 'zhengwugongkai' }, filter: { level: 'city' as const, status: 'overdue' as const } }
    const query = listQuery(list, 'p-1')
    expect(query).toEqual({ kind: 'theme', id: 'zhengwugongkai', level: 'city', status: 'overdue', at: 'p-1' })
    expect(listSourceFromQuery(asQuery(query))).toEqual(list)
    expect(listDeckSource(list)).toEqual({ kind: 'filtered', base: list.base, filter: list.filter })
  })

  it('opens an unfiltered list as its own deck (same remembered position)', () => {
    const list = listSourceFromQuery(asQuery({ kind: 'plan', id: 'hunan-2023-zwgk', section: '2' }))!
    expect(deckSourceKey(listDeckSource(list))).toBe('plan:hunan-2023-zwgk:2')
  })

  it('reads 我的单位 with or without its unit', () => {
    expect(listSourceFromQuery(asQuery({ kind: 'unit', unit: '长沙市政务服务中心', role: 'lead' }))).toEqual({ base: { kind: 'unit', unit: '长沙市政务服务中心' }, filter: { role: 'lead' } })
    expect(listSourceFromQuery(asQuery({ kind: 'unit' }))).toEqual({ base: { kind: 'unit', unit: '' }, filter: {} })
    expect(listQuery({ base: { kind: 'unit', unit: '' }, filter: {} })).toEqual({ kind: 'unit' })
    expect(listSourceFromQuery(asQuery({ kind: 'nonsense' }))).toBeNull()
  })

  it('keys filtered decks apart from their base and from each other', () => {
    const base = { kind: 'favorites' as const, sort: 'added' as const }
    const a = deckSourceKey({ kind: 'filtered', base, filter: { year: 'current' } })
    expect(a).not.toBe(deckSourceKey(base))
    expect(a).not.toBe(deckSourceKey({ kind: 'filtered', base, filter: { year: 'past' } }))
    expect(deckSourceKey({ kind: 'unit', unit: ' 长沙市政务服务中心 ' })).toBe('unit:长沙市政务服务中心')
  })
})
