/**
 * The search index lives here, off the main thread: building it over 100,000 points takes seconds, and the page
 * must stay responsive meanwhile. The worker reads the points from IndexedDB itself (Dexie works in workers).
 */
import type { PinyinIndexes } from './build-index'
import type { SearchRequest, SearchResponse } from './search-protocol'
import { db } from '~/db/db'
import { answerQuery, buildPinyinIndexes } from './build-index'
import { loadSearchCorpus } from './search-docs'

let built: { key: string, index: Promise<PinyinIndexes> } | undefined

function indexFor(key: string): Promise<PinyinIndexes> {
  if (built?.key !== key) {
    const entry = { key, index: loadSearchCorpus(db).then(buildPinyinIndexes) }
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
    const indexes = await indexFor(request.dataKey)
    if (!request.warm)
      scope.postMessage({ id: request.id, ...answerQuery(indexes, request.q, request.limit, request.detail ?? 0) })
  }
  catch (error) {
    scope.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) })
  }
}
