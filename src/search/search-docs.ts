import type { SearchDoc } from './search-index'
import type { AppDB } from '~/db/db'
import { currentPlanIds } from '~/domain/plan-currency'

/** What the index is built from: the searchable fields of every point, and the domain terms that mark word starts. */
export interface SearchCorpus {
  docs: SearchDoc[]
  /** Theme names and keywords (一网通办, 电子证照 …): data, not code, like the taxonomy itself. */
  terms: string[]
  /** The themes, searched for suggestions: name as title, keywords as body. */
  themes: SearchDoc[]
}

/** Reads every stored point (by id), marking 往年 ones by plan currency on `today`, and the theme vocabulary. */
export async function loadSearchCorpus(db: AppDB, today: Date = new Date()): Promise<SearchCorpus> {
  const [plans, themes] = await Promise.all([db.plans.toArray(), db.themes.toArray()])
  const current = currentPlanIds(plans, today)
  const docs: SearchDoc[] = []
  await db.points.each(p => docs.push({ id: p.id, title: p.title, body: p.body, leadUnits: p.leadUnits, partnerUnits: p.partnerUnits, current: current.has(p.planId) }))
  return {
    docs,
    terms: themes.flatMap(t => [t.name, ...t.keywords]),
    themes: [...themes].sort((a, b) => a.order - b.order).map(t => ({ id: t.id, title: t.name, body: t.keywords.join(' '), leadUnits: [], partnerUnits: [] })),
  }
}
