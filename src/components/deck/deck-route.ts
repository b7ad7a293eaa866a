import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { DeckSource } from '~/domain/deck'

function first(value: LocationQuery[string] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' && v !== '' ? v : undefined
}

/** Reads a deck source from the /deck route query; null when the query names none. */
export function deckSourceFromQuery(query: LocationQuery): DeckSource | null {
  const kind = first(query.kind)
  const id = first(query.id)
  switch (kind) {
    case 'theme':
      return id ? { kind, id } : null
    case 'plan': {
      if (!id)
        return null
      const section = Number(first(query.section))
      return Number.isInteger(section) && section > 0 ? { kind, id, sectionNo: section } : { kind, id }
    }
    case 'search': {
      const q = first(query.q)
      return q ? { kind, q } : null
    }
    case 'favorites':
      return { kind, sort: first(query.sort) === 'added' ? 'added' : 'deadline' }
    case 'due':
      return { kind }
    case 'ids': {
      const ids = (first(query.ids) ?? '').split(',').filter(Boolean)
      return ids.length ? { kind, ids } : null
    }
    default:
      return null
  }
}

/** The /deck route query for a deck source (inverse of deckSourceFromQuery). */
export function deckQuery(source: DeckSource, at?: string): LocationQueryRaw {
  const query: LocationQueryRaw = { kind: source.kind }
  switch (source.kind) {
    case 'theme':
      query.id = source.id
      break
    case 'plan':
      query.id = source.id
      if (source.sectionNo !== undefined)
        query.section = String(source.sectionNo)
      break
    case 'search':
      query.q = source.q
      break
    case 'favorites':
      query.sort = source.sort ?? 'deadline'
      break
    case 'ids':
      query.ids = source.ids.join(',')
      break
  }
  if (at)
    query.at = at
  return query
}
