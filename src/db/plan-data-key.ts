import { db } from './db'
import { META_KEYS } from './meta'

/**
 * Names the stored plans as a whole: it changes when plan data is replaced (build, server) and when a plan is
 * imported or deleted on this device. The search index is rebuilt when it changes. Works inside liveQuery.
 */
export async function getPlanDataKey(): Promise<string> {
  const rows = await db.meta.bulkGet([META_KEYS.dataVersion, META_KEYS.dataUpdatedAt, META_KEYS.localPlansChangedAt])
  return rows.map(r => String(r?.value)).join('|')
}
