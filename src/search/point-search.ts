import type { PinyinIndexes } from './build-index'
import type { SearchAnswer, SearchRequest, SearchResponse } from './search-protocol'
import type { PointRow } from '~/db/points'
import { searchWorkerUrl } from 'virtual:worker-urls'
import { db } from '~/db/db'
import { getPlanDataKey } from '~/db/plan-data-key'
import { loadSearchCorpus } from './search-docs'

/** Most results a search returns (a deck never needs more). */
export const SEARCH_RESULT_LIMIT = 500
/** Rows a result list shows at once; the deck of all results reads its cards itself. */
export const SEARCH_PAGE_SIZE = 50

// The index is rebuilt whenever the stored plans change, a plan imported on this device included, and each new
// year, which can turn a plan into 往年.
const dataKey = async () => `${await getPlanDataKey()}|${new Date().getFullYear()}`

export type { SearchAnswer } from './search-protocol'

/** Where the index lives: a Web Worker in the browser, this thread where there are no workers (tests, old browsers). */
interface Searcher {
  query: (key: string, q: string, limit: number, detail: number) => Promise<SearchAnswer>
  warm: (key: string) => void
}

function workerSearcher(): Searcher {
  const worker = new Worker(searchWorkerUrl, { type: 'module' })
  let nextId = 0
  const waiting = new Map<number, { resolve: (answer: SearchAnswer) => void, reject: (e: Error) => void }>()
  worker.onmessage = ({ data }: MessageEvent<SearchResponse>) => {
    const call = waiting.get(data.id)
    waiting.delete(data.id)
    if ('error' in data)
      call?.reject(new Error(data.error))
    else
      call?.resolve(data)
  }
  const send = (request: Omit<SearchRequest, 'id'>) => {
    const id = ++nextId
    worker.postMessage({ ...request, id } satisfies SearchRequest)
    return id
  }
  return {
    query: (dataKey, q, limit, detail) => new Promise((resolve, reject) => {
      waiting.set(send({ dataKey, q, limit, detail }), { resolve, reject })
    }),
    warm: dataKey => void send({ dataKey, q: '', limit: 0, warm: true }),
  }
}

function inThreadSearcher(): Searcher {
  let built: { key: string, index: Promise<PinyinIndexes> } | undefined
  const indexFor = (key: string) => {
    if (built?.key !== key) {
      // The index code loads only when someone searches, never in the first-load bundle.
      const entry = { key, index: Promise.all([import('./build-index'), loadSearchCorpus(db)]).then(([{ buildPinyinIndexes }, corpus]) => buildPinyinIndexes(corpus)) }
      built = entry
      entry.index.catch(() => {
        if (built === entry)
          built = undefined
      })
    }
    return built.index
  }
  return {
    query: async (key, q, limit, detail) => {
      const [{ answerQuery }, indexes] = await Promise.all([import('./build-index'), indexFor(key)])
      return answerQuery(indexes, q, limit, detail)
    },
    warm: key => void indexFor(key).catch(() => undefined),
  }
}

let searcher: Searcher | undefined
function getSearcher(): Searcher {
  searcher ??= typeof Worker === 'undefined' ? inThreadSearcher() : workerSearcher()
  return searcher
}

/** Ids of the stored work points matching `q` (characters or pinyin), best matches first. */
export async function searchPointIds(q: string, limit: number = SEARCH_RESULT_LIMIT): Promise<string[]> {
  return (await searchWithHits(q, limit, 0)).ids
}

/** Like searchPointIds, with what matched in the first `detail` results (for highlighting). */
export async function searchWithHits(q: string, limit: number = SEARCH_RESULT_LIMIT, detail: number = SEARCH_PAGE_SIZE): Promise<SearchAnswer> {
  if (q.trim() === '')
    return { ids: [], hits: [], themes: [], closestTheme: null, alternatives: [] }
  return getSearcher().query(await dataKey(), q, limit, detail)
}

/** Searches the stored work points, best matches first, as rows: one page by default (reading rows is the slow part). */
export async function searchPoints(q: string, limit: number = SEARCH_PAGE_SIZE): Promise<PointRow[]> {
  const ids = await searchPointIds(q, limit)
  return (await db.points.bulkGet(ids)).filter((p): p is PointRow => p !== undefined)
}

/** Starts building the index ahead of the first query (e.g. when the search box gets focus). */
export function warmUpSearch(): void {
  void dataKey().then(key => getSearcher().warm(key)).catch(() => undefined)
}
