import type { Ref } from 'vue'
import { getCurrentPlanIds } from '~/db/queries'
import { sharedLiveQuery } from './useSharedQuery'

/**
 * Ids of the current plans (the rest are 往年), live. Every card asks, and reading every plan row per card would cost
 * with thousands of plans: all callers share one query, kept while any of them is mounted.
 */
export const useCurrentPlanIds: () => Ref<Set<string> | undefined> = sharedLiveQuery(() => getCurrentPlanIds())
