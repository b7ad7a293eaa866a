import type { Favorite } from '~/domain/progress'

/**
 * A favorite as stored, one per (owner, point). Rows with `on: false` are kept: they are last-writer-wins
 * tombstones that sync needs (DESIGN.md §4).
 */
export interface FavoriteRow extends Favorite {
  /** The account name, or 本机 (LOCAL_OWNER). */
  owner: string
}
