import { describe, expect, it } from 'vitest'
import { FIRST_PAGE, MORE_PAGE, sectionPage } from '~/domain/board-pages'

describe('sectionPage', () => {
  const sections = Array.from({ length: 2639 }, (_, i) => i)
  it('draws the first page of a long board and says how many are left', () => {
    const page = sectionPage(sections, FIRST_PAGE)
    expect(page.visible).toEqual(sections.slice(0, 20))
    expect(page.rest).toBe(2619)
    expect(page.next).toBe(MORE_PAGE)
  })
  it('adds at most the rest on the last request', () => {
    const page = sectionPage(sections, 2600)
    expect(page.rest).toBe(39)
    expect(page.next).toBe(39)
    expect(sectionPage(sections, 2600 + page.next).rest).toBe(0)
  })
  it('draws a short board whole, with nothing more to ask for', () => {
    expect(sectionPage([1, 2, 3], FIRST_PAGE)).toEqual({ visible: [1, 2, 3], rest: 0, next: 0 })
  })
})
