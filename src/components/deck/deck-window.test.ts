import { describe, expect, it } from 'vitest'
import { clampIndex, startIndex, swipeStep, visibleIndexes } from './deck-window'

describe('visibleIndexes', () => {
  it('renders only the current card and its neighbours', () => {
    expect(visibleIndexes(5, 100_000)).toEqual([4, 5, 6])
    expect(visibleIndexes(0, 27)).toEqual([0, 1])
    expect(visibleIndexes(26, 27)).toEqual([25, 26])
    expect(visibleIndexes(0, 1)).toEqual([0])
    expect(visibleIndexes(3, 0)).toEqual([])
  })
  it('clamps an out-of-range current index', () => {
    expect(visibleIndexes(99, 3)).toEqual([1, 2])
    expect(clampIndex(-4, 3)).toBe(0)
    expect(clampIndex(Number.NaN, 3)).toBe(0)
  })
})

describe('startIndex', () => {
  const ids = ['a', 'b', 'c', 'd']
  it('prefers the requested point', () => {
    expect(startIndex(ids, 'c', { pointId: 'b', index: 1 })).toBe(2)
  })
  it('finds the remembered point by id even when it moved', () => {
    expect(startIndex(ids, undefined, { pointId: 'd', index: 0 })).toBe(3)
    expect(startIndex(ids, 'gone', { pointId: 'b', index: 3 })).toBe(1)
  })
  it('falls back to the remembered index, clamped, then to the first card', () => {
    expect(startIndex(ids, undefined, { pointId: 'gone', index: 9 })).toBe(3)
    expect(startIndex(ids)).toBe(0)
  })
})

describe('swipeStep', () => {
  it('maps left to next and right to previous', () => {
    expect(swipeStep('left')).toBe(1)
    expect(swipeStep('RIGHT')).toBe(-1)
    expect(swipeStep('up')).toBe(0)
    expect(swipeStep('none')).toBe(0)
  })
})
