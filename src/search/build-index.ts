import type { SearchCorpus } from './search-docs'
import type { SearchIndex } from './search-index'
import type { SearchAnswer } from './search-protocol'
import { buildSearchIndex } from './search-index'
import { suggestFor } from './suggest'
import { pinyinWords, TermBoundaries } from './word-pinyin'

export interface PinyinIndexes {
  points: SearchIndex
  themes: SearchIndex
}

/** The index with pinyin: the one place that joins the dictionary-backed word pinyin to the pure index. */
export function buildPinyinSearchIndex({ docs, terms }: Pick<SearchCorpus, 'docs' | 'terms'>): SearchIndex {
  const boundaries = new TermBoundaries(terms)
  return buildSearchIndex(docs, text => pinyinWords(text, boundaries))
}

/** The points' index and the themes' (for suggestions), sharing the domain terms. */
export function buildPinyinIndexes(corpus: SearchCorpus): PinyinIndexes {
  return { points: buildPinyinSearchIndex(corpus), themes: buildPinyinSearchIndex({ docs: corpus.themes, terms: corpus.terms }) }
}

/** One query's answer: ids, and with `detail` the highlights of the first results and the suggestions. */
export function answerQuery({ points, themes }: PinyinIndexes, q: string, limit: number, detail: number): SearchAnswer {
  const ids = points.query(q, limit)
  if (!detail)
    return { ids, hits: [], themes: [], closestTheme: null, alternatives: [] }
  return { ids, hits: points.highlight(q, ids.slice(0, detail)), ...suggestFor(q, ids.length, points, themes) }
}
