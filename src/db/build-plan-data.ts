import type { PlanDataSource } from './plan-data-loader'
import { planDataUrl, planDataVersion } from 'virtual:plan-data'

/** The plan data shipped with this build (kept apart from the loader, which also runs in a worker without it). */
export const BUILD_PLAN_DATA: PlanDataSource = {
  version: planDataVersion,
  url: `${import.meta.env.BASE_URL ?? '/'}${planDataUrl}`,
}
