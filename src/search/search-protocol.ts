import type { SearchHit } from './search-index'

/** Messages between the page and the search worker. */
export interface SearchRequest {
  id: number
  /** Identifies the stored plan data (and the year, which decides plan currency); the worker rebuilds its index when it changes. */
  dataKey: string
  /** Empty with `warm` set: build the index, answer nothing. */
  q: string
  limit: number
  /** How many of the first results to explain for highlighting (0: ids only). */
  detail?: number
  warm?: boolean
}

export type SearchResponse = { id: number, ids: string[], hits: SearchHit[] } | { id: number, error: string }
