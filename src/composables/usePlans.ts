import type { ComputedRef, Ref } from 'vue'
import type { PlanRow } from '~/db/plans'
import type { ThemeRow } from '~/db/themes'
import type { PlanSummary } from '~/domain/plan-summary'
import { computed } from 'vue'
import { listLocalPlans, listPlans, listThemesWithCounts } from '~/db/queries'
import { summarizePlan } from '~/domain/plan-summary'
import { useLiveQuery } from './useLiveQuery'

/** All plans, province first, newest year first. */
export function usePlans(): Ref<PlanRow[] | undefined> {
  return useLiveQuery(listPlans)
}

/** All plans as the plan list draws them (counts, not point ids). */
export function usePlanSummaries(): ComputedRef<PlanSummary[] | undefined> {
  const plans = usePlans()
  return computed(() => plans.value?.map(summarizePlan))
}

/** Themes in taxonomy order with their point counts. */
export function useThemesWithCounts(): Ref<{ theme: ThemeRow, count: number }[] | undefined> {
  return useLiveQuery(listThemesWithCounts)
}

/** Plans imported on this device and not yet published (本机导入). */
export function useLocalPlans(): Ref<PlanRow[] | undefined> {
  return useLiveQuery(listLocalPlans)
}
