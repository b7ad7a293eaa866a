/**
 * The search index lives here, off the main thread: building it over 100,000 points takes seconds, and the page
 * must stay responsive meanwhile. The worker reads the points from IndexedDB itself (Dexie works in workers).
 */
import type { SearchIndex } from './search-index'
import type { SearchRequest, SearchResponse } from './search-protocol'
import { db } from '~/db/db'
import { pinyinInitials } from './pinyin-initials'
import { loadSearchDocs } from './search-docs'
import { buildSearchIndex } from './search-index'

let built: { key: string, index: Promise<SearchIndex> } | undefined

function indexFor(key: string): Promise<SearchIndex> {
  if (built?.key !== key) {
    const entry = { key, index: loadSearchDocs(db).then(docs => buildSearchIndex(docs, pinyinInitials)) }
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
    if (!request.warm)
      scope.postMessage({ id: request.id, ids: index.query(request.q, request.limit) })
  }
  catch (error) {
    scope.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) })
  }
}
