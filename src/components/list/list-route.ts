import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { DeckSource } from '~/domain/deck'
import type { PointFilter } from '~/domain/point-filter'
import { isEmptyFilter, parsePointFilter, serializePointFilter } from '~/domain/point-filter'
import { deckQuery, deckSourceFromQuery } from '../deck/deck-route'

/**
 * /list and /deck share one query: the base deck (kind, id, section, q, sort, ids, or unit for 我的单位), the
 * filters (plan, level, year, region, lead, status, role) and, on /deck, `at`. A list and the deck it opens are
 * therefore the same points in the same order, and the URL alone restores either.
 */
export interface ListSource {
  /** Never 'filtered': the filter is kept apart. */
  base: DeckSource
  filter: PointFilter
}

function first(value: LocationQuery[string] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined
}

/** The base deck and filters of a /list or /deck query; null when it names no deck. A 我的单位 query may lack its unit yet. */
export function listSourceFromQuery(query: LocationQuery): ListSource | null {
  const base: DeckSource | null = first(query.kind) === 'unit' ? { kind: 'unit', unit: first(query.unit) ?? '' } : deckSourceFromQuery(query)
  return base ? { base, filter: parsePointFilter(query) } : null
}

/** The deck a list opens: its base itself when nothing is filtered, so an unfiltered list and deck share positions. */
export function listDeckSource(list: ListSource): DeckSource {
  return isEmptyFilter(list.filter) ? list.base : { kind: 'filtered', base: list.base, filter: list.filter }
}

/** The query of a list (or its deck at `at`): inverse of listSourceFromQuery. */
export function listQuery(list: ListSource, at?: string): LocationQueryRaw {
  const base: LocationQueryRaw = list.base.kind === 'unit'
    ? { kind: 'unit', ...(list.base.unit ? { unit: list.base.unit } : {}) }
    : list.base.kind === 'filtered' ? {} : deckQuery(list.base)
  return { ...base, ...serializePointFilter(list.filter), ...(at ? { at } : {}) }
}
