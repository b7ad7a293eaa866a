import type { SearchIndex } from './search-index'
import type { PointRow } from '~/db/points'
import { db } from '~/db/db'
import { META_KEYS } from '~/db/meta'
import { buildSearchIndex } from './search-index'

/** Most results a search returns (a deck or list never needs more). */
export const SEARCH_RESULT_LIMIT = 500

interface Built {
  index: SearchIndex
  rows: Map<string, PointRow>
}

let cache: { key: string, built: Promise<Built> } | undefined

async function dataKey(): Promise<string> {
  const [version, updatedAt] = await db.meta.bulkGet([META_KEYS.dataVersion, META_KEYS.dataUpdatedAt])
  return `${String(version?.value)}|${String(updatedAt?.value)}`
}

async function build(): Promise<Built> {
  // pinyin-pro is large: load it only when someone searches, never in the first-load bundle.
  const [{ pinyinInitials }, points] = await Promise.all([import('./pinyin-initials'), db.points.toArray()])
  const rows = new Map(points.map(p => [p.id, p] as const))
  return { index: buildSearchIndex(points, pinyinInitials), rows }
}

/** The search index for the stored plan data, built once per data version and cached. */
async function currentIndex(): Promise<Built> {
  const key = await dataKey()
  if (cache?.key !== key) {
    const entry = { key, built: build() }
    cache = entry
    // A failed build must not stick: the next query tries again.
    entry.built.catch(() => {
      if (cache === entry)
        cache = undefined
    })
  }
  return cache.built
}

/** Searches the stored work points (characters or pinyin initials), best matches first. */
export async function searchPoints(q: string, limit: number = SEARCH_RESULT_LIMIT): Promise<PointRow[]> {
  if (q.trim() === '')
    return []
  const { index, rows } = await currentIndex()
  return index.query(q, limit).map(id => rows.get(id)).filter((p): p is PointRow => p !== undefined)
}

/** Starts building the index ahead of the first query (e.g. when the search box gets focus). */
export function warmUpSearch(): void {
  void currentIndex().catch(() => undefined)
}
