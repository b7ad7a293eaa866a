import type { SyncApiClient } from './sync-api-client'
import type { Plan, PlanData, Theme } from '~/domain/plan'
import type { PlanManifest } from '~/domain/plan-manifest'
import { planDataVersion } from 'virtual:plan-data'
import { db } from '~/db/db'
import { META_KEYS } from '~/db/meta'
import { applyPlanChanges } from '~/db/plan-changes'
import { getStoredDataVersion, replacePlanData } from '~/db/plan-data-loader'
import { getStoredVersions, manifestVersions, stampVersions } from '~/db/plan-versions'

export type PlanRefresh = 'unchanged' | 'replaced'

/**
 * How the server's whole plan data is stored: in place by default (the service worker has no workers, and its bundle
 * must not name one); the page passes importPlanData, which writes in the plan-data worker.
 */
export type StorePlanData = (request: { data: PlanData, source: 'server' }) => Promise<unknown>

const storeHere: StorePlanData = ({ data, source }) => replacePlanData(data, { source })

/** Plan requests in flight at once: a few keep the connection busy without a burst of hundreds. */
const PLAN_FETCHES_AT_ONCE = 4

/**
 * Takes plans published on the server since this device last looked (`npm run ingest -- FILE --publish`): the
 * manifest with a conditional GET, then only the plans whose version differs from the stored one, stored in one
 * transaction (applyPlanChanges). Favorites and check-ins stay attached by stable point id. A server without the
 * manifest (an older one) is asked for its whole data as before.
 */
export function refreshPlanData(client: SyncApiClient, store: StorePlanData = storeHere): Promise<PlanRefresh> {
  return oneAtATime(() => refreshOnce(client, store))
}

let last: Promise<unknown> = Promise.resolve()

/**
 * The page's and the service worker's sync engines may refresh at the same moment: under a Web Lock the second
 * waits and then asks with the ETag the first stored (a 304), instead of fetching the same plans again. Where
 * there are no Web Locks, refreshes of this realm still run one after another.
 */
async function oneAtATime<T>(run: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks
  if (locks)
    return await locks.request('yaodiantong-plan-refresh', run)
  const next = last.then(run, run)
  last = next.catch(() => undefined)
  return next
}

async function refreshOnce(client: SyncApiClient, store: StorePlanData): Promise<PlanRefresh> {
  const etag = (await db.meta.get(META_KEYS.plansManifestEtag))?.value as string | undefined
  const answer = await client.planManifest(etag)
  if (answer === 'missing')
    return refreshWholeData(client, store)
  if (answer === 'unchanged')
    return 'unchanged'
  const outcome = await followManifest(client, answer.data, store)
  await db.meta.put({ key: META_KEYS.plansManifestEtag, value: answer.etag })
  return outcome
}

async function followManifest(client: SyncApiClient, manifest: PlanManifest, store: StorePlanData): Promise<PlanRefresh> {
  const known = await getStoredVersions()
  const changed = manifest.plans.filter(p => known.plans[p.id] !== p.version)
  // No per-plan versions yet (the build's data, or data stored whole): the same data version means the same plans;
  // otherwise, as when most plans changed, one request for the whole data costs less than a request per plan.
  if (Object.keys(known.plans).length === 0 || changed.length * 2 > manifest.plans.length) {
    const outcome = (await getStoredDataVersion() ?? planDataVersion) === manifest.dataVersion ? 'unchanged' : await refreshWholeData(client, store)
    await stampVersions(manifest)
    return outcome
  }
  const versions = manifestVersions(manifest)
  const plans = await fetchPlans(client, changed, known.plans, versions)
  const themes = manifest.themesVersion === known.themes ? undefined : await fetchThemes(client, known.themes)
  const result = await applyPlanChanges({ manifest, plans, themes: themes?.themes, versions, themesVersion: themes?.version ?? manifest.themesVersion })
  return result.stored.length + result.removed.length > 0 || themes ? 'replaced' : 'unchanged'
}

/** The version an ETag names (`W/"v"` or `"v"`), as the server quotes each plan's version. */
const etagVersion = (etag: string): string | undefined => /^(?:W\/)?"([^"]+)"$/.exec(etag)?.[1]

/**
 * The changed plans' new content, a few requests at a time, each conditional on the stored version. `versions`
 * is updated to the versions received. A plan gone meanwhile fails the refresh: nothing is stored, the next sync
 * reads the new manifest.
 */
async function fetchPlans(client: SyncApiClient, changed: PlanManifest['plans'], stored: Record<string, string>, versions: Record<string, string>): Promise<Plan[]> {
  const plans: Plan[] = []
  const queue = [...changed]
  const worker = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      const had = stored[entry.id]
      const answer = await client.plan(entry.id, had ? `"${had}"` : undefined)
      if (answer === 'missing')
        throw new Error(`plan ${entry.id} was withdrawn during the refresh`)
      if (answer === 'unchanged') {
        versions[entry.id] = had!
        continue
      }
      plans.push(answer.data)
      versions[entry.id] = etagVersion(answer.etag) ?? entry.version
    }
  }
  await Promise.all(Array.from({ length: Math.min(PLAN_FETCHES_AT_ONCE, changed.length) }, worker))
  return plans
}

async function fetchThemes(client: SyncApiClient, stored: string | undefined): Promise<{ themes: Theme[], version: string } | undefined> {
  const answer = await client.themes(stored ? `"${stored}"` : undefined)
  if (answer === 'missing')
    throw new Error('themes were withdrawn during the refresh')
  if (answer === 'unchanged')
    return undefined
  return { themes: answer.data.themes, version: etagVersion(answer.etag) ?? '' }
}

/**
 * The whole published data with a conditional GET, and a replace in one transaction when its version differs
 * from the stored one: what a server without the manifest gets, and the first refresh of data stored whole.
 */
async function refreshWholeData(client: SyncApiClient, store: StorePlanData): Promise<PlanRefresh> {
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
