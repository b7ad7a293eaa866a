import type { SearchDoc } from './search-index'
import type { AppDB } from '~/db/db'
import { currentPlanIds } from '~/domain/plan-currency'
import { isPinyinBlock } from './pinyin-data'
import { searchTermsOf, themeSearchDoc } from './theme-docs'

/** What the index is built from: the searchable fields of every point, and the domain terms that mark word starts. */
export interface SearchCorpus {
  docs: SearchDoc[]
  /** Theme names and keywords (一网通办, 电子证照 …): data, not code, like the taxonomy itself. */
  terms: string[]
  /** The themes, searched for suggestions: name as title, keywords as body. */
  themes: SearchDoc[]
}

/**
 * Reads every stored point (by id), marking 往年 ones by plan currency on `today`, with its row of its plan's
 * shipped pinyin (planPinyin table), and the theme vocabulary.
 */
export async function loadSearchCorpus(db: AppDB, today: Date = new Date()): Promise<SearchCorpus> {
  const [plans, themes, pinyin] = await Promise.all([db.plans.toArray(), db.themes.toArray(), db.planPinyin.toArray()])
  const current = currentPlanIds(plans, today)
  const blocks = new Map(pinyin.filter(r => isPinyinBlock(r.block)).map(r => [r.planId, r.block]))
  const docs: SearchDoc[] = []
  await db.points.each((p) => {
    const block = blocks.get(p.planId)
    docs.push({ id: p.id, title: p.title, body: p.body, leadUnits: p.leadUnits, partnerUnits: p.partnerUnits, current: current.has(p.planId), ...(block ? { pinyin: { block, row: p.order } } : {}) })
  })
  return {
    docs,
    terms: searchTermsOf(themes),
    themes: [...themes].sort((a, b) => a.order - b.order).map(themeSearchDoc),
  }
}
