import { db } from './db'
import { META_KEYS } from './meta'

/** What the plan data on this device is, in terms a user can check: how much, how recent, from where. */
export interface DataInfo {
  plans: number
  points: number
  /** Plans imported on this device (本机导入), counted in `plans` too. */
  localPlans: number
  /** The newest 印发 date among the plans (ISO date), when any plan names one. */
  newestIssuedOn?: string
  /** The newest plan year, for plans that name no date. */
  newestYear?: number
  /** When the data was last replaced on this device (ISO instant). */
  updatedAt?: string
  source?: 'build' | 'server'
}

export async function getDataInfo(): Promise<DataInfo> {
  return db.transaction('r', [db.plans, db.points, db.meta], async () => {
    const [plans, points, updated, source] = await Promise.all([
      db.plans.toArray(),
      db.points.count(),
      db.meta.get(META_KEYS.dataUpdatedAt),
      db.meta.get(META_KEYS.dataSource),
    ])
    const issued = plans.map(p => p.issuedOn).filter((d): d is string => typeof d === 'string').sort()
    const years = plans.map(p => p.year).filter((y): y is number => typeof y === 'number')
    return {
      plans: plans.length,
      points,
      localPlans: plans.filter(p => p.origin === 'local').length,
      newestIssuedOn: issued.at(-1),
      newestYear: years.length ? Math.max(...years) : undefined,
      updatedAt: typeof updated?.value === 'string' ? updated.value : undefined,
      source: source?.value === 'build' || source?.value === 'server' ? source.value : undefined,
    }
  })
}
