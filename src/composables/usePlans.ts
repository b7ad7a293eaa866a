import type { Ref } from 'vue'
import type { PlanRow } from '~/db/plans'
import type { ThemeRow } from '~/db/themes'
import { listPlans, listThemesWithCounts } from '~/db/queries'
import { useLiveQuery } from './useLiveQuery'

/** All plans, province first, newest year first. */
export function usePlans(): Ref<PlanRow[] | undefined> {
  return useLiveQuery(listPlans)
}

/** Themes in taxonomy order with their point counts. */
export function useThemesWithCounts(): Ref<{ theme: ThemeRow, count: number }[] | undefined> {
  return useLiveQuery(listThemesWithCounts)
}
