import type { PlanManifest } from '~/domain/plan-manifest'
import { db } from './db'
import { META_KEYS } from './meta'

// What this device knows of the server's per-plan versions (src/domain/plan-manifest.ts). A whole replace of the
// plan data forgets them (replacePlanData); the refresh then stamps the manifest's versions on what it stored.

export interface StoredVersions {
  plans: Record<string, string>
  themes: string | undefined
}

/** The versions of the stored server plans and theme list (empty when not known, e.g. after the build's data). */
export async function getStoredVersions(): Promise<StoredVersions> {
  const [plans, themes] = await db.meta.bulkGet([META_KEYS.planVersions, META_KEYS.themesVersion])
  const map = plans?.value
  return {
    plans: typeof map === 'object' && map !== null ? map as Record<string, string> : {},
    themes: typeof themes?.value === 'string' ? themes.value : undefined,
  }
}

/** The meta rows that record the stored plans' and themes' versions, of data version `of` (inside the caller's transaction). */
export function versionRows(plans: Record<string, string>, themes: string, of: string) {
  return [
    { key: META_KEYS.planVersions, value: plans },
    { key: META_KEYS.themesVersion, value: themes },
    { key: META_KEYS.planVersionsOf, value: of },
  ]
}

/** The manifest's versions by plan id. */
export const manifestVersions = (manifest: PlanManifest): Record<string, string> => Object.fromEntries(manifest.plans.map(p => [p.id, p.version]))

/** Records that the stored server plans and themes are the manifest's (after a whole replace from the server). */
export async function stampVersions(manifest: PlanManifest): Promise<void> {
  await db.meta.bulkPut(versionRows(manifestVersions(manifest), manifest.themesVersion, manifest.dataVersion))
}

/**
 * Forgets the per-plan versions, inside a whole replace of the plan data, unless they describe the very data being
 * stored: on a first visit the refresh may find the build's data current and record its versions before the build's
 * data has been written (the page installs it after its first screen, the service worker's engine does not wait);
 * forgetting them then cost the next refresh a download of the whole data.
 */
export async function forgetVersions(storing?: string): Promise<void> {
  if (storing !== undefined && (await db.meta.get(META_KEYS.planVersionsOf))?.value === storing)
    return
  await db.meta.bulkDelete([META_KEYS.planVersions, META_KEYS.themesVersion, META_KEYS.planVersionsOf, META_KEYS.plansManifestEtag])
}
