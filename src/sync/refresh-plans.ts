import type { SyncApiClient } from './sync-api-client'
import { db } from '~/db/db'
import { META_KEYS } from '~/db/meta'
import { importPlanData } from '~/db/plan-data-import'
import { getStoredDataVersion } from '~/db/plan-data-loader'

export type PlanRefresh = 'unchanged' | 'replaced'

/**
 * Takes plans published on the server since this device last looked (`npm run ingest -- FILE --publish`):
 * a conditional GET, and a replace in one transaction when the content changed. Favorites and check-ins stay
 * attached by stable point id.
 */
export async function refreshPlanData(client: SyncApiClient): Promise<PlanRefresh> {
  const etag = (await db.meta.get(META_KEYS.plansEtag))?.value as string | undefined
  const answer = await client.plans(etag)
  if (!answer)
    return 'unchanged'
  const changed = answer.data.version !== await getStoredDataVersion()
  if (changed)
    await importPlanData({ data: answer.data, source: 'server' })
  await db.meta.put({ key: META_KEYS.plansEtag, value: answer.etag })
  return changed ? 'replaced' : 'unchanged'
}
