/**
 * How many of a board's section bars to draw: a theme's board across a thousand plans would draw a thousand bars
 * before its figures show, so it draws a first page and more on each request.
 */
export const FIRST_PAGE = 20
export const MORE_PAGE = 100

export interface SectionPage<T> {
  visible: T[]
  /** Not drawn yet. */
  rest: number
  /** How many the next request adds. */
  next: number
}

export function sectionPage<T>(sections: readonly T[], shown: number): SectionPage<T> {
  const visible = sections.slice(0, Math.max(0, shown))
  const rest = sections.length - visible.length
  return { visible, rest, next: Math.min(rest, MORE_PAGE) }
}
