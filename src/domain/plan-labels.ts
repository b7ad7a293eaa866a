import type { PlanLevel, PlanOrigin } from './plan'

/** A plan's level in words (首页's plan list, the import preview). */
export const PLAN_LEVEL_LABELS: Record<PlanLevel, string> = { national: '国家级', province: '省级', city: '市级', county: '县级', town: '乡镇', department: '部门' }

/** Where a plan came from, in words; only a plan imported on this device is worth a tag. */
export const PLAN_ORIGIN_LABELS: Record<PlanOrigin, string> = { build: '随应用提供', server: '来自服务器', local: '本机导入' }
