import type { SearchDoc } from './search-index'
import type { AppDB } from '~/db/db'

/** Reads just the searchable fields of every stored point, in reading order of storage (by id). */
export async function loadSearchDocs(db: AppDB): Promise<SearchDoc[]> {
  const docs: SearchDoc[] = []
  await db.points.each(p => docs.push({ id: p.id, title: p.title, body: p.body, leadUnits: p.leadUnits, partnerUnits: p.partnerUnits }))
  return docs
}
