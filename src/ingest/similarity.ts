/**
 * Text similarity for Chinese work points: character bigrams weighted by TF-IDF, compared by cosine.
 * Bigrams need no word segmenter and survive the small wording changes between a provincial point and
 * the city point that copies it, which is exactly what relate has to see. Pure and platform-neutral.
 */

/** A sparse, L2-normalised term vector: term ids ascending, with their weights. Packed for a fast merge-join cosine. */
export interface SparseVector {
  readonly ids: Int32Array
  readonly weights: Float64Array
}

// Runs of letters and digits in any script; everything else (punctuation, spaces) breaks a run.
const WORD_RUN = /[\p{L}\p{N}]+/gu
const DIGITS = /\d+/g

/** Lowercases, folds full-width forms (NFKC) and collapses every number to one digit, so 2022/2023 or 700/10000 don't count as differences. */
export function normalizeForSimilarity(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(DIGITS, '0')
}

/** Character bigrams of each letter/digit run; a one-character run yields itself. Input is normalised first. */
export function charBigrams(text: string): string[] {
  const out: string[] = []
  for (const match of normalizeForSimilarity(text).matchAll(WORD_RUN)) {
    const chars = Array.from(match[0])
    if (chars.length === 1) {
      out.push(chars[0]!)
      continue
    }
    for (let i = 0; i + 1 < chars.length; i++)
      out.push(chars[i]! + chars[i + 1]!)
  }
  return out
}

/** Counts terms, each occurrence adding `weight`. Adds into `into` when given. */
export function termCounts(terms: readonly string[], weight = 1, into = new Map<string, number>()): Map<string, number> {
  for (const t of terms)
    into.set(t, (into.get(t) ?? 0) + weight)
  return into
}

/** Smoothed inverse document frequency of every term in a corpus of term-count documents. */
export function inverseDocumentFrequency(docs: readonly ReadonlyMap<string, number>[]): Map<string, number> {
  const df = new Map<string, number>()
  for (const doc of docs) {
    for (const term of doc.keys())
      df.set(term, (df.get(term) ?? 0) + 1)
  }
  const n = docs.length
  const idf = new Map<string, number>()
  for (const [term, count] of df)
    idf.set(term, Math.log((1 + n) / (1 + count)) + 1)
  return idf
}

/** Maps terms to dense integer ids; new terms get the next id. */
export class Vocabulary {
  private readonly ids = new Map<string, number>()

  /** The id of a term, assigning one when the term is new. */
  idOf(term: string): number {
    let id = this.ids.get(term)
    if (id === undefined) {
      id = this.ids.size
      this.ids.set(term, id)
    }
    return id
  }

  get size(): number {
    return this.ids.size
  }
}

/** Sublinear TF × IDF, L2-normalised. Terms unknown to `idf` weigh `unseenIdf`. */
export function tfIdfVector(counts: ReadonlyMap<string, number>, idf: ReadonlyMap<string, number>, vocabulary: Vocabulary, unseenIdf = 1): SparseVector {
  const rawIds: number[] = []
  const rawWeights: number[] = []
  let norm = 0
  for (const [term, tf] of counts) {
    if (tf <= 0)
      continue
    const w = (1 + Math.log(tf)) * (idf.get(term) ?? unseenIdf)
    rawIds.push(vocabulary.idOf(term))
    rawWeights.push(w)
    norm += w * w
  }
  const order = rawIds.map((_, i) => i).sort((a, b) => rawIds[a]! - rawIds[b]!)
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0
  const ids = new Int32Array(order.length)
  const weights = new Float64Array(order.length)
  for (let k = 0; k < order.length; k++) {
    ids[k] = rawIds[order[k]!]!
    weights[k] = rawWeights[order[k]!]! * scale
  }
  return { ids, weights }
}

/** Cosine of two L2-normalised vectors built on the same vocabulary (their dot product), clamped to [0, 1]. */
export function cosine(a: SparseVector, b: SparseVector): number {
  const { ids: ai, weights: aw } = a
  const { ids: bi, weights: bw } = b
  let i = 0
  let j = 0
  let dot = 0
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!
    const y = bi[j]!
    if (x === y)
      dot += aw[i++]! * bw[j++]!
    else if (x < y)
      i++
    else
      j++
  }
  return Math.min(1, Math.max(0, dot))
}

/** Plain bigram cosine of two texts (no corpus, so no IDF): a quick score for one-off comparisons such as search. */
export function textSimilarity(a: string, b: string): number {
  const idf = new Map<string, number>()
  const vocabulary = new Vocabulary()
  return cosine(tfIdfVector(termCounts(charBigrams(a)), idf, vocabulary), tfIdfVector(termCounts(charBigrams(b)), idf, vocabulary))
}

/** A corpus model: fit IDF on documents once, then vectorise any text against it. */
export interface TfIdfModel {
  /** The IDF table the model was fitted on. */
  idf: ReadonlyMap<string, number>
  /** Vectorises already-counted terms; vectors from one model can be compared with each other. */
  vectorize: (counts: ReadonlyMap<string, number>) => SparseVector
}

/** Fits IDF on the given term-count documents. Unseen terms weigh as much as a term seen in no document. */
export function fitTfIdf(docs: readonly ReadonlyMap<string, number>[]): TfIdfModel {
  const idf = inverseDocumentFrequency(docs)
  const unseenIdf = Math.log(1 + docs.length) + 1
  const vocabulary = new Vocabulary()
  return { idf, vectorize: counts => tfIdfVector(counts, idf, vocabulary, unseenIdf) }
}
