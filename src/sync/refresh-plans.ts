import type { SyncApiClient } from './sync-api-client'
import type { PlanData } from '~/domain/plan'
import { planDataVersion } from 'virtual:plan-data'
import { db } from '~/db/db'
import { META_KEYS } from '~/db/meta'
import { getStoredDataVersion, replacePlanData } from '~/db/plan-data-loader'

export type PlanRefresh = 'unchanged' | 'replaced'

/**
 * How the server's plan data is stored: in place by default (the service worker has no workers, and its bundle
 * must not name one); the page passes importPlanData, which writes in the plan-data worker.
 */
export type StorePlanData = (request: { data: PlanData, source: 'server' }) => Promise<unknown>

const storeHere: StorePlanData = ({ data, source }) => replacePlanData(data, { source })

/**
 * Takes plans published on the server since this device last looked (`npm run ingest -- FILE --publish`):
 * a conditional GET, and a replace in one transaction when the content changed. Favorites and check-ins stay
 * attached by stable point id.
 */
export async function refreshPlanData(client: SyncApiClient, store: StorePlanData = storeHere): Promise<PlanRefresh> {
  const etag = (await db.meta.get(META_KEYS.plansEtag))?.value as string | undefined
  // The server's ETag is its data version (a content hash): a device holding the same data, the build's included,
  // gets a 304 even before it has seen an ETag from this server.
  // Before the first store of the build's data has finished, the build's version stands for what is coming.
  const version = await getStoredDataVersion() ?? planDataVersion
  const validators = [etag, version ? `"${version}"` : undefined].filter((tag): tag is string => Boolean(tag))
  const answer = await client.plans(validators.length ? [...new Set(validators)].join(', ') : undefined)
  if (!answer)
    return 'unchanged'
  const changed = answer.data.version !== version
  if (changed)
    await store({ data: answer.data, source: 'server' })
  await db.meta.put({ key: META_KEYS.plansEtag, value: answer.etag })
  return changed ? 'replaced' : 'unchanged'
}
