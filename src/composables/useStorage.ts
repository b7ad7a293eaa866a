import type { Ref } from 'vue'
import type { DataInfo } from '~/db/data-info'
import { shallowRef, watch } from 'vue'
import { getDataInfo } from '~/db/data-info'
import { getPlanDataKey } from '~/db/plan-data-key'
import { getStoredDataVersion } from '~/db/plan-data-loader'
import { useLiveQuery } from './useLiveQuery'

/** Version of the plan data stored on this device. */
export function useDataVersion(): Ref<string | undefined> {
  return useLiveQuery(getStoredDataVersion)
}

/** Changes whenever the stored plans change (data replaced, or a plan imported or deleted here). */
export function usePlanDataKey(): Ref<string | undefined> {
  return useLiveQuery(getPlanDataKey)
}

/** Storage used and available to the app (bytes); undefined where the browser cannot tell. Refreshed when the data changes. */
export function useStorageEstimate(): Ref<{ usage: number, quota: number } | undefined> {
  const estimate = shallowRef<{ usage: number, quota: number } | undefined>()
  const version = useDataVersion()
  const refresh = async () => {
    const storage = globalThis.navigator?.storage
    if (!storage?.estimate)
      return
    try {
      const { usage = 0, quota = 0 } = await storage.estimate()
      estimate.value = { usage, quota }
    }
    catch {
      estimate.value = undefined
    }
  }
  watch(version, refresh, { immediate: true })
  return estimate
}

/** Counts, dates and source of the stored plan data, for 我的 (live). */
export function useDataInfo(): Ref<DataInfo | undefined> {
  return useLiveQuery(getDataInfo)
}
