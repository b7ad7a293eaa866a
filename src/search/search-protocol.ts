/** Messages between the page and the search worker. */
export interface SearchRequest {
  id: number
  /** Identifies the stored plan data; the worker rebuilds its index when it changes. */
  dataKey: string
  /** Empty with `warm` set: build the index, answer nothing. */
  q: string
  limit: number
  warm?: boolean
}

export type SearchResponse = { id: number, ids: string[] } | { id: number, error: string }
