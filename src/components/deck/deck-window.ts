/** How many cards on each side of the current one stay rendered. */
export const DECK_NEIGHBOURS = 1

/** Clamps an index into a deck of `length` cards (0 for an empty deck). */
export function clampIndex(index: number, length: number): number {
  if (length <= 0 || !Number.isFinite(index))
    return 0
  return Math.min(Math.max(Math.trunc(index), 0), length - 1)
}

/**
 * The indexes to render: the current card and its neighbours only, so a deck of
 * 100,000 points costs the same DOM as a deck of three.
 */
export function visibleIndexes(current: number, length: number, neighbours = DECK_NEIGHBOURS): number[] {
  if (length <= 0)
    return []
  const at = clampIndex(current, length)
  const out: number[] = []
  for (let i = Math.max(0, at - neighbours); i <= Math.min(length - 1, at + neighbours); i++)
    out.push(i)
  return out
}

/**
 * Where to open a deck: the requested point, else the remembered point (found by
 * id, since decks change), else the remembered index, else the first card.
 */
export function startIndex(ids: readonly string[], wanted?: string, remembered?: { pointId: string, index: number }): number {
  if (wanted) {
    const i = ids.indexOf(wanted)
    if (i >= 0)
      return i
  }
  if (remembered) {
    const i = ids.indexOf(remembered.pointId)
    if (i >= 0)
      return i
    return clampIndex(remembered.index, ids.length)
  }
  return 0
}

/** Which way a horizontal swipe moves: left shows the next card, right the previous one. */
export function swipeStep(direction: string): -1 | 0 | 1 {
  const d = direction.toLowerCase()
  if (d === 'left')
    return 1
  if (d === 'right')
    return -1
  return 0
}
