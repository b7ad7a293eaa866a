import type { App } from 'vue'
import { ref } from 'vue'

export type PlanDataState = 'loading' | 'ready' | 'error'

/** Whether the plan data is in IndexedDB yet; 首页 shows a loading or error note from it. */
export const planDataState = ref<PlanDataState>('loading')
export const planDataError = ref<string>('')

/** Loads (or replaces) the plan data in IndexedDB; the loader and its zod schemas load on demand, outside the first-load bundle. */
export async function loadPlanData(): Promise<void> {
  planDataState.value = 'loading'
  try {
    const [{ ensurePlanData }, { BUILD_PLAN_DATA }, { importPlanData }] = await Promise.all([import('~/db/plan-data-loader'), import('~/db/build-plan-data'), import('~/db/plan-data-import')])
    // The download and the writes run in the plan-data worker, off this thread.
    await ensurePlanData(undefined, BUILD_PLAN_DATA, importPlanData)
    planDataState.value = 'ready'
  }
  catch (error) {
    planDataError.value = error instanceof Error ? error.message : String(error)
    planDataState.value = 'error'
  }
}

export function install(_app: App): void {
  void loadPlanData()
}
