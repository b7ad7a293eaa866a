import type { Theme } from '~/domain/plan'

/** A theme as stored; `order` keeps the taxonomy's own order (the primary key would sort by id). */
export interface ThemeRow extends Theme {
  order: number
  /** Points in the theme, counted when the plan data was stored (absent in data stored by older versions). */
  count?: number
}
