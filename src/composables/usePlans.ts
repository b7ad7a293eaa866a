import type { ComputedRef, MaybeRefOrGetter, Ref } from 'vue'
import type { PlanRow } from '~/db/plans'
import type { ThemeRow } from '~/db/themes'
import type { PlanSummary } from '~/domain/plan-summary'
import { computed, toValue } from 'vue'
import { getPlan, listLocalPlans, listPlans, listThemesWithCounts } from '~/db/queries'
import { summarizePlan } from '~/domain/plan-summary'
import { useLiveQuery } from './useLiveQuery'
import { sharedLiveQuery } from './useSharedQuery'

/** All plans, province first, newest year first; one query shared by every caller on screen. */
export const usePlans: () => Ref<PlanRow[] | undefined> = sharedLiveQuery(listPlans)

/** One plan, live: undefined while reading, null when no plan has this id. */
export function usePlan(id: MaybeRefOrGetter<string>): Ref<PlanRow | null | undefined> {
  return useLiveQuery(async () => (await getPlan(toValue(id))) ?? null, [() => toValue(id)])
}

/** All plans as the plan list draws them (counts, not point ids). */
export function usePlanSummaries(): ComputedRef<PlanSummary[] | undefined> {
  const plans = usePlans()
  return computed(() => plans.value?.map(summarizePlan))
}

/** Themes in taxonomy order with their point counts; one query shared by every caller on screen. */
export const useThemesWithCounts: () => Ref<{ theme: ThemeRow, count: number }[] | undefined> = sharedLiveQuery(listThemesWithCounts)

/** Plans imported on this device and not yet published (本机导入). */
export function useLocalPlans(): Ref<PlanRow[] | undefined> {
  return useLiveQuery(listLocalPlans)
}
