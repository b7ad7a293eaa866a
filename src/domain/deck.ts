import type { PointFilter } from './point-filter'
import { pointFilterKey } from './point-filter'

/** What a card deck shows; the key lets the UI remember the position in each deck. */
export type DeckSource
  = | { kind: 'theme', id: string }
    | { kind: 'plan', id: string, sectionNo?: number }
    | { kind: 'search', q: string }
    | { kind: 'favorites', sort?: 'deadline' | 'added' }
    | { kind: 'due' }
    | { kind: 'ids', ids: string[] }
    /** 我的单位: the points whose lead or partner units include `unit` (src/domain/unit-match.ts). */
    | { kind: 'unit', unit: string }
    /** Another deck narrowed by a list's filters, in the same order. */
    | { kind: 'filtered', base: DeckSource, filter: PointFilter }

/** FNV-1a, to keep keys of long id lists short. */
function shortHash(text: string): string {
  let h = 0x811C9DC5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(36)
}

/** A stable string key per deck source (equal sources give equal keys). */
export function deckSourceKey(source: DeckSource): string {
  switch (source.kind) {
    case 'theme':
      return `theme:${source.id}`
    case 'plan':
      return source.sectionNo === undefined ? `plan:${source.id}` : `plan:${source.id}:${source.sectionNo}`
    case 'search':
      return `search:${source.q.trim().replace(/\s+/g, ' ')}`
    case 'favorites':
      return `favorites:${source.sort ?? 'deadline'}`
    case 'due':
      return 'due'
    case 'ids': {
      const joined = source.ids.join(',')
      return joined.length <= 120 ? `ids:${joined}` : `ids:#${source.ids.length}:${shortHash(joined)}`
    }
    case 'unit':
      return `unit:${source.unit.trim()}`
    case 'filtered':
      return `${deckSourceKey(source.base)}?${pointFilterKey(source.filter)}`
  }
}
