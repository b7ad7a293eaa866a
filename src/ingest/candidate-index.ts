import type { SparseVector } from './similarity'

// Each point is indexed under its most distinctive terms only; a query looks up its own.
const INDEXED_TERMS = 12
// Candidates kept per query, by number of shared distinctive terms, before the exact cosine is computed.
const MAX_CANDIDATES = 64
// A term shared by thousands of near-copies (every county restating a provincial point) is read only this far:
// any of those copies is as good a candidate as the rest, and the cost per query stays bounded.
const MAX_POSTING_SCAN = 256

const topTermsCache = new WeakMap<SparseVector, number[]>()

function topTerms(vector: SparseVector): number[] {
  let terms = topTermsCache.get(vector)
  if (!terms) {
    const order = Array.from(vector.ids.keys()).sort((a, b) => vector.weights[b]! - vector.weights[a]!)
    terms = order.slice(0, INDEXED_TERMS).map(i => vector.ids[i]!)
    topTermsCache.set(vector, terms)
  }
  return terms
}

/**
 * Blocking for similarity search: an inverted index from a point's highest-weighted terms to the points, so a
 * query compares with the few points that share distinctive bigrams instead of with the whole pool. This keeps
 * relate linear in the corpus size; pools small enough to scan are scanned whole.
 */
export class CandidateIndex<T extends { vector: SparseVector }> {
  private readonly postings = new Map<number, number[]>()

  constructor(readonly items: readonly T[]) {
    if (items.length <= MAX_CANDIDATES)
      return
    items.forEach((item, i) => {
      for (const term of topTerms(item.vector)) {
        const list = this.postings.get(term)
        if (list)
          list.push(i)
        else
          this.postings.set(term, [i])
      }
    })
  }

  /** The items most likely to be similar to `vector` (all of them when the pool is small). */
  candidates(vector: SparseVector): readonly T[] {
    if (this.items.length <= MAX_CANDIDATES)
      return this.items
    const shared = new Map<number, number>()
    for (const term of topTerms(vector)) {
      const posting = this.postings.get(term) ?? []
      for (let k = 0; k < posting.length && k < MAX_POSTING_SCAN; k++)
        shared.set(posting[k]!, (shared.get(posting[k]!) ?? 0) + 1)
    }
    return [...shared.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, MAX_CANDIDATES)
      .map(([i]) => this.items[i]!)
  }
}
