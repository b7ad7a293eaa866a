import type { SearchCorpus } from './search-docs'
import type { PinyinSource, SearchIndex } from './search-index'
import type { SearchAnswer } from './search-protocol'
import { PinyinDecoder } from './pinyin-data'
import { SyllableTable } from './pinyin-text'
import { buildSearchIndex } from './search-index'
import { suggestFor } from './suggest'

export interface PinyinIndexes {
  points: SearchIndex
  themes: SearchIndex
}

/** Pinyin read from the blocks the docs point at (shipped with the plan data): no dictionary here. */
export function shippedPinyin(): PinyinSource {
  const decoder = new PinyinDecoder(new SyllableTable())
  return {
    table: decoder.table,
    pack: (doc, field, text) => doc.pinyin ? decoder.decode(doc.pinyin.block, doc.pinyin.row, field, text) : undefined,
  }
}

/** The points' index and the themes' (for suggestions), each with the pinyin its docs carry. */
export function buildPinyinIndexes(corpus: Pick<SearchCorpus, 'docs' | 'themes'>): PinyinIndexes {
  return { points: buildSearchIndex(corpus.docs, shippedPinyin()), themes: buildSearchIndex(corpus.themes, shippedPinyin()) }
}

/** One query's answer: ids, and with `detail` the highlights of the first results and the suggestions. */
export function answerQuery({ points, themes }: PinyinIndexes, q: string, limit: number, detail: number): SearchAnswer {
  const ids = points.query(q, limit)
  if (!detail)
    return { ids, hits: [], themes: [], closestTheme: null, alternatives: [] }
  return { ids, hits: points.highlight(q, ids.slice(0, detail)), ...suggestFor(q, ids.length, points, themes) }
}
