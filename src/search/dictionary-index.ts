import type { PinyinIndexes } from './build-index'
import type { SearchCorpus } from './search-docs'
import type { SearchDoc, SearchIndex } from './search-index'
import { buildPinyinIndexes, shippedPinyin } from './build-index'
import { PinyinWriter } from './plan-pinyin'
import { buildSearchIndex } from './search-index'

/**
 * For docs that carry no shipped pinyin (tests, benches over free text): writes it with the dictionary as the
 * build would, then indexes through the same decoding the app uses. Never imported by the app.
 */
export function withDocPinyin(docs: SearchDoc[], terms: Iterable<string>): SearchDoc[] {
  const block = new PinyinWriter(terms).block(docs)
  return docs.map((d, row) => ({ ...d, pinyin: { block, row } }))
}

export function buildPinyinSearchIndex({ docs, terms }: Pick<SearchCorpus, 'docs' | 'terms'>): SearchIndex {
  return buildSearchIndex(withDocPinyin(docs, terms), shippedPinyin())
}

export function buildDictionaryIndexes(corpus: SearchCorpus): PinyinIndexes {
  return buildPinyinIndexes({ docs: withDocPinyin(corpus.docs, corpus.terms), themes: withDocPinyin(corpus.themes, corpus.terms) })
}
