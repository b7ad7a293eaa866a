import type { SearchCorpus } from './search-docs'
import type { SearchIndex } from './search-index'
import { buildSearchIndex } from './search-index'
import { pinyinWords, TermBoundaries } from './word-pinyin'

/** The index with pinyin: the one place that joins the dictionary-backed word pinyin to the pure index. */
export function buildPinyinSearchIndex({ docs, terms }: SearchCorpus): SearchIndex {
  const boundaries = new TermBoundaries(terms)
  return buildSearchIndex(docs, text => pinyinWords(text, boundaries))
}
