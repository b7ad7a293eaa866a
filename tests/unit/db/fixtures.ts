import type { Plan, PlanData, WorkPoint } from '~/domain/plan'
import { db } from '~/db/db'

/** A work point with sensible defaults; `id` is required so tests name what they assert on. */
export function makePoint(id: string, overrides: Partial<WorkPoint> = {}): WorkPoint {
  return {
    id,
    no: Number(id.split('-').at(-1)) || 1,
    title: `要点${id}`,
    body: '',
    leadUnits: ['省政务局'],
    partnerUnits: [],
    responsibility: '',
    deadlines: [],
    targets: [],
    themes: ['zwgk'],
    related: [],
    ...overrides,
  }
}

export function makePlan(id: string, overrides: Partial<Plan> = {}): Plan {
  return {
    id,
    title: `计划${id}`,
    region: '湖南省',
    level: 'province',
    year: 2023,
    sources: ['000.txt'],
    sections: [],
    ...overrides,
  }
}

export const THEMES: PlanData['themes'] = [
  { id: 'yjs', name: '一件事一次办', icon: 'todo-list-o', keywords: ['一件事'] },
  { id: 'zwgk', name: '政务公开', icon: 'newspaper-o', keywords: ['公开'] },
  { id: 'rx', name: '12345热线与诉求', icon: 'phone-o', keywords: ['12345'] },
]

/** Two plans (province 2023 with two sections, city 2023), five points. */
export function samplePlanData(version = 'v1'): PlanData {
  return {
    version,
    themes: THEMES,
    plans: [
      makePlan('changsha-2023-zwgk', {
        title: '长沙市2023年政务公开工作要点',
        region: '长沙市',
        level: 'city',
        sections: [{ no: 1, title: '深化政务公开', points: [
          makePoint('changsha-2023-zwgk-1', { title: '推进基层政务公开标准化', leadUnits: ['市政务公开办'], deadlines: [{ text: '年底前', date: '2023-12-31' }] }),
        ] }],
      }),
      makePlan('hunan-2023-zwfw', {
        title: '湖南省2023年政务管理服务工作要点',
        sections: [
          { no: 1, title: '提升政务服务效能', points: [
            makePoint('hunan-2023-zwfw-1', { title: '深化一件事一次办改革', body: '新增一批高频事项', themes: ['yjs'], leadUnits: ['省政务局'], deadlines: [{ text: '6月份前', date: '2023-06-30' }, { text: '年底前', date: '2023-12-31' }] }),
            makePoint('hunan-2023-zwfw-2', { title: '优化12345热线服务', themes: ['rx'], leadUnits: ['省政务服务和大数据中心'], partnerUnits: ['省直相关单位'] }),
          ] },
          { no: 2, title: '推进数据共享', points: [
            makePoint('hunan-2023-zwfw-3', { title: '完善数据共享机制', body: '推动一件事一次办数据互通', themes: ['yjs', 'zwgk'], deadlines: [{ text: '第二季度', date: '2023-06-30' }] }),
            makePoint('hunan-2023-zwfw-4', { title: '加强政务公开平台建设', themes: ['zwgk'] }),
          ] },
        ],
      }),
    ],
  }
}

/** A fetch that serves `data` as JSON and counts its calls. */
export function fakeFetch(data: unknown, status = 200): typeof fetch & { calls: string[] } {
  const calls: string[] = []
  const impl = async (input: RequestInfo | URL) => {
    calls.push(String(input))
    return new Response(JSON.stringify(data), { status, headers: { 'Content-Type': 'application/json' } })
  }
  return Object.assign(impl as typeof fetch, { calls })
}

/** Empties every table between tests. */
export async function resetDb(): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map(t => t.clear()))
  })
}
