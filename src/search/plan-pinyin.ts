import type { PinyinBlock } from './pinyin-data'
import type { SearchDoc } from './search-index'
import type { Plan, PlanData, Theme } from '~/domain/plan'
import { encodePinyinBlock } from './pinyin-encode'
import { searchTexts } from './search-index'
import { searchTermsOf, themeSearchDoc } from './theme-docs'
import { TermBoundaries, WordReader } from './word-pinyin'

/**
 * Where plan data is made (build, CLI ingest, the app's import worker): every plan and theme gets its word pinyin
 * as a shipped block, read with the dictionary once here instead of on every phone. Needs pinyin-pro, so it must
 * never be imported by the page or the search worker (a build check in vite-plugin-import-assets.ts holds that).
 */
export class PinyinWriter {
  private readonly reader: WordReader

  /** `terms`: the theme vocabulary, whose occurrences are words of their own (see TermBoundaries). */
  constructor(terms: Iterable<string>) {
    this.reader = new WordReader(new TermBoundaries(terms))
  }

  /** One row per doc, of its three searched texts. */
  block(docs: Pick<SearchDoc, 'title' | 'body' | 'leadUnits' | 'partnerUnits'>[]): PinyinBlock {
    return encodePinyinBlock(docs.map(d => searchTexts(d).map(text => this.reader.words(text))))
  }

  plan<P extends Plan>(plan: P): P {
    return { ...plan, pinyin: this.block(plan.sections.flatMap(s => s.points)) }
  }

  theme<T extends Theme>(theme: T): T {
    return { ...theme, pinyin: this.block([themeSearchDoc(theme)]) }
  }
}

/** The plans and themes with their pinyin, the themes' names and keywords marking words. */
export function withPinyin<D extends Pick<PlanData, 'plans' | 'themes'>>(data: D): D {
  const writer = new PinyinWriter(searchTermsOf(data.themes))
  return { ...data, plans: data.plans.map(p => writer.plan(p)), themes: data.themes.map(t => writer.theme(t)) }
}
