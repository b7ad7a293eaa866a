/**
 * The closed value sets of the plan-data contract. Plain arrays, without zod, so the client's shape checks
 * (wire-guards.ts) and labels use them while plan.ts builds its schemas from the same lists.
 */

/** 国务院 and national ministries are `national`; 厅/局/委 and other issuers below a government are `department`. */
export const PLAN_LEVELS = ['national', 'province', 'city', 'county', 'town', 'department'] as const

/** Where a plan came from: shipped with the app, published on the server, or imported on this device (本机导入). */
export const PLAN_ORIGINS = ['build', 'server', 'local'] as const

export const RELATION_KINDS = ['parent', 'previous', 'peer'] as const
