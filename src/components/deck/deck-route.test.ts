import type { DeckSource } from '~/domain/deck'
import { describe, expect, it } from 'vitest'
import { deckQuery, deckSourceFromQuery } from './deck-route'

describe('deck route query', () => {
  const sources: DeckSource[] = [
    { kind: 'theme', id: 'yjs' },
    { kind: 'plan', id: 'hunan-2023-zwgk' },
    { kind: 'plan', id: 'hunan-2023-zwgk', sectionNo: 3 },
    { kind: 'search', q: '电子证照' },
    { kind: 'favorites', sort: 'added' },
    { kind: 'ids', ids: ['a-1', 'b-2'] },
  ]
  it('round-trips every kind of source', () => {
    for (const source of sources) {
      const query = deckQuery(source, 'p-1') as Record<string, string>
      expect(deckSourceFromQuery(query)).toEqual(source)
      expect(query.at).toBe('p-1')
    }
  })
  it('rejects queries that name no deck', () => {
    expect(deckSourceFromQuery({})).toBeNull()
    expect(deckSourceFromQuery({ kind: 'theme' })).toBeNull()
    expect(deckSourceFromQuery({ kind: 'search', q: '' })).toBeNull()
    expect(deckSourceFromQuery({ kind: 'plan', id: 'x', section: 'abc' })).toEqual({ kind: 'plan', id: 'x' })
  })
  it('defaults favorites to deadline order', () => {
    expect(deckSourceFromQuery({ kind: 'favorites' })).toEqual({ kind: 'favorites', sort: 'deadline' })
  })
})
