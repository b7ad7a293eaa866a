import { describe, expect, it } from 'vitest'
import { deckSourceKey } from '~/domain/deck'

describe('deckSourceKey', () => {
  it('gives equal keys for equal sources and different keys otherwise', () => {
    expect(deckSourceKey({ kind: 'theme', id: 'yjs' })).toBe('theme:yjs')
    expect(deckSourceKey({ kind: 'plan', id: 'p' })).not.toBe(deckSourceKey({ kind: 'plan', id: 'p', sectionNo: 1 }))
    expect(deckSourceKey({ kind: 'search', q: '  一件事   一次办 ' })).toBe(deckSourceKey({ kind: 'search', q: '一件事 一次办' }))
    expect(deckSourceKey({ kind: 'favorites' })).toBe(deckSourceKey({ kind: 'favorites', sort: 'deadline' }))
    expect(deckSourceKey({ kind: 'favorites', sort: 'added' })).not.toBe(deckSourceKey({ kind: 'favorites' }))
    expect(deckSourceKey({ kind: 'ids', ids: ['a', 'b'] })).not.toBe(deckSourceKey({ kind: 'ids', ids: ['b', 'a'] }))
  })

  it('keeps keys short for long id lists', () => {
    const ids = Array.from({ length: 500 }, (_, i) => `hunan-2023-zwfw-${i}`)
    const key = deckSourceKey({ kind: 'ids', ids })
    expect(key.length).toBeLessThan(40)
    expect(key).toBe(deckSourceKey({ kind: 'ids', ids: [...ids] }))
    expect(key).not.toBe(deckSourceKey({ kind: 'ids', ids: ids.slice(1) }))
  })
})
