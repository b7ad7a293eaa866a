import type { Favorite } from '~/domain/progress'

/**
 * A favorite as stored. Rows with `on: false` are kept: they are last-writer-wins
 * tombstones that sync needs (DESIGN.md §4).
 */
export type FavoriteRow = Favorite
