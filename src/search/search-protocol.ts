import type { SearchHit } from './search-index'
import type { SearchSuggestions } from './suggest'

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

/** Ids best first, what matched in the first `detail` of them, and (with `detail`) suggestions. */
export interface SearchAnswer extends SearchSuggestions {
  ids: string[]
  hits: SearchHit[]
}

export type SearchResponse = ({ id: number } & SearchAnswer) | { id: number, error: string }
