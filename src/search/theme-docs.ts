import type { SearchDoc } from './search-index'
import type { Theme } from '~/domain/plan'
import { isPinyinBlock } from './pinyin-data'

// Shared by the search worker and plan-pinyin.ts; the latter also runs when vite.config.ts loads, so no run-time `~` imports here.

/** Theme names and keywords: the domain's own words, cut as words wherever they occur. */
export function searchTermsOf(themes: Pick<Theme, 'name' | 'keywords'>[]): string[] {
  return themes.flatMap(t => [t.name, ...t.keywords])
}

/** A theme as the suggestions index reads it: name as title, keywords as body. */
export function themeSearchDoc(theme: Pick<Theme, 'id' | 'name' | 'keywords' | 'pinyin'>): SearchDoc {
  const doc: SearchDoc = { id: theme.id, title: theme.name, body: theme.keywords.join(' '), leadUnits: [], partnerUnits: [] }
  return isPinyinBlock(theme.pinyin) ? { ...doc, pinyin: { block: theme.pinyin, row: 0 } } : doc
}
