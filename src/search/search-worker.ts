/**
 * The search index lives here, off the main thread: building it over 100,000 points takes seconds, and the page
 * must stay responsive meanwhile. The worker reads the points from IndexedDB itself (Dexie works in workers).
 */
import type { SearchIndex } from './search-index'
import type { SearchRequest, SearchResponse } from './search-protocol'
import { db } from '~/db/db'
import { buildPinyinSearchIndex } from './build-index'
import { loadSearchCorpus } from './search-docs'

let built: { key: string, index: Promise<SearchIndex> } | undefined

function indexFor(key: string): Promise<SearchIndex> {
  if (built?.key !== key) {
    const entry = { key, index: loadSearchCorpus(db).then(buildPinyinSearchIndex) }
    built = entry
    entry.index.catch(() => {
      if (built === entry)
        built = undefined
    })
  }
  return built.index
}

const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<SearchRequest>) => void) | null, postMessage: (m: SearchResponse) => void }

scope.onmessage = async ({ data: request }) => {
  try {
    const index = await indexFor(request.dataKey)
    if (!request.warm) {
      const ids = index.query(request.q, request.limit)
      const hits = request.detail ? index.highlight(request.q, ids.slice(0, request.detail)) : []
      scope.postMessage({ id: request.id, ids, hits })
    }
  }
  catch (error) {
    scope.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) })
  }
}
