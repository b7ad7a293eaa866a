import type { Store } from '../../../server/store/store'
import type { Plan, PlanData } from '../../../src/domain/plan'
import type { FetchLike } from '../../../src/sync/sync-api-client'
import pino from 'pino'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../../../server/app'
import { ensurePlanData as ensureServerPlanData, publishPlans } from '../../../server/storage/plans'
import { migrate } from '../../../server/store/migrate'
import { storeFactories } from '../../../server/test/stores'
import { addCheckin, setFavorite } from '../../../src/db/actions'
import { db } from '../../../src/db/db'
import { importLocalPlans } from '../../../src/db/local-plans'
import { replacePlanData } from '../../../src/db/plan-data-loader'
import { refreshPlanData } from '../../../src/sync/refresh-plans'
import { SyncApiClient } from '../../../src/sync/sync-api-client'
import { makePlan, makePoint, resetDb, THEMES } from '../db/fixtures'

// Per-plan refresh against the real server app (PGlite, in-process): only the changed plan is fetched, and the
// device ends up exactly as a whole replace of the server's data would leave it, with every check-in and favorite.

const LEVELS = ['province', 'city', 'county'] as const
function serverPlan(n: number, points = 3, extra: Partial<Plan> = {}): Plan {
  const id = `plan-${n}`
  return makePlan(id, {
    title: `计划${n}`,
    level: LEVELS[n % 3],
    year: 2022 + (n % 2),
    sections: [{ no: 1, title: '一', points: Array.from({ length: points }, (_, i) => makePoint(`${id}-${i + 1}`, {
      themes: [THEMES[(n + i) % THEMES.length]!.id],
      deadlines: i % 2 ? [] : [{ text: '年底前', date: `202${n % 4}-12-31` }],
    })) }],
    ...extra,
  })
}
const SERVER_DATA: PlanData = { version: 'server-1', plans: [1, 2, 3, 4, 5].map(n => serverPlan(n)), themes: THEMES }
const LOCAL = makePlan('local-1', { title: '本机导入的计划', level: 'county', sections: [{ no: 1, title: '一', points: [makePoint('local-1-1', { themes: ['yjs'] })] }] })

let store: Store
let app: ReturnType<typeof createApp>
let requests: string[]
const counting: FetchLike = async (input, init) => {
  const response = await app.request(input, init)
  requests.push(`${input.replace(/^\/api/, '')} ${response.status}`)
  return response
}
const client = () => new SyncApiClient(counting)

beforeAll(async () => {
  store = await storeFactories[0]!.open()
  await migrate(store)
  await ensureServerPlanData(store, () => SERVER_DATA)
  app = createApp({ store, logger: pino({ level: 'silent' }) })
}, 60_000)
beforeEach(async () => {
  await resetDb()
  requests = []
})
afterAll(() => store.close())

const byKey = <T>(rows: T[], key: (row: T) => string) => [...rows].sort((a, b) => key(a).localeCompare(key(b)))

/** Every table plan data writes, in key order. */
async function planTables() {
  return {
    plans: await db.plans.orderBy('id').toArray(),
    points: await db.points.orderBy('id').toArray(),
    themes: byKey(await db.themes.toArray(), t => t.id),
    deckIndex: await db.deckIndex.orderBy('key').toArray(),
    boardIndex: await db.boardIndex.orderBy('key').toArray(),
    planPinyin: await db.planPinyin.orderBy('planId').toArray(),
    unpublished: await db.unpublishedPoints.orderBy('pointId').toArray(),
  }
}

/** What the user made on this device: none of it may change with the plans. */
async function userRows() {
  return { checkins: await db.checkins.orderBy('id').toArray(), favorites: await db.favoritesByOwner.toArray(), outbox: await db.outbox.orderBy('id').toArray() }
}

async function deviceWithServerData() {
  expect(await refreshPlanData(client())).toBe('replaced') // the first refresh takes the data whole
  await importLocalPlans({ plans: [LOCAL], themes: THEMES })
  for (const pointId of ['plan-1-1', 'plan-2-2', 'plan-3-1', 'local-1-1']) {
    await addCheckin({ pointId, status: 'in_progress', progress: 30, note: `进展${pointId}` })
    await setFavorite(pointId, true)
  }
  requests = []
}

/** The same device state, reached by a whole replace of what the server serves now (and the same import). */
async function afterWholeReplace() {
  const whole = await (await app.request('/api/plans')).json() as PlanData
  await resetDb()
  await replacePlanData(whole, { source: 'server' })
  await importLocalPlans({ plans: [LOCAL], themes: THEMES })
  return planTables()
}

describe('per-plan refresh', () => {
  it('fetches only the changed plan and updates every derived table for it, keeping check-ins and favorites', async () => {
    await deviceWithServerData()
    const mine = await userRows()
    expect(mine.outbox).toHaveLength(8)
    // plan-2 loses its point 3, gains two, moves to another level and theme: decks, board and counts must follow.
    await publishPlans(store, serverPlan(2, 4, { level: 'province', title: '计划2（修订）', sections: [{ no: 1, title: '一', points: [
      makePoint('plan-2-1', { themes: ['rx'] }),
      makePoint('plan-2-2', { themes: ['rx', 'yjs'], deadlines: [{ text: '6月份前', date: '2023-06-30' }] }),
      makePoint('plan-2-4', { themes: ['zwgk'] }),
      makePoint('plan-2-5', { themes: ['yjs'] }),
    ] }] }))

    expect(await refreshPlanData(client())).toBe('replaced')
    expect(requests).toEqual(['/plans/manifest 200', '/plans/plan-2 200'])
    expect(await userRows()).toEqual(mine)
    expect(await db.points.get('plan-2-3')).toBeUndefined()
    expect(await db.points.get('plan-2-5')).toMatchObject({ planId: 'plan-2', planTitle: '计划2（修订）', level: 'province' })
    expect((await db.plans.get('local-1'))?.origin).toBe('local')
    const partial = await planTables()
    expect(partial.unpublished.map(r => r.pointId)).toEqual(['local-1-1'])
    expect(partial).toEqual(await afterWholeReplace())

    requests = []
    expect(await refreshPlanData(client())).toBe('unchanged')
  })

  it('answers an unchanged manifest with a 304 and fetches nothing else', async () => {
    await deviceWithServerData()
    const before = await planTables()
    expect(await refreshPlanData(client())).toBe('unchanged')
    expect(requests).toEqual(['/plans/manifest 304'])
    expect(await planTables()).toEqual(before)
  })

  it('fetches the themes when their version changed, and a new plan', async () => {
    await deviceWithServerData()
    await refreshPlanData(client())
    requests = []
    const themes = [...THEMES, { id: 'dzzz', name: '电子证照', icon: 'idcard', keywords: ['证照'] }]
    await publishPlans(store, { version: 'x', plans: [serverPlan(6, 2, { sections: [{ no: 1, title: '一', points: [makePoint('plan-6-1', { themes: ['dzzz'] })] }] })], themes })
    const mine = await userRows()
    expect(await refreshPlanData(client())).toBe('replaced')
    expect(requests.sort()).toEqual(['/plans/manifest 200', '/plans/plan-6 200', '/themes 200'])
    expect(await db.themes.get('dzzz')).toMatchObject({ name: '电子证照', count: 1 })
    expect(await userRows()).toEqual(mine)
    expect(await planTables()).toEqual(await afterWholeReplace())
  })

  it('stores nothing when one changed plan cannot be fetched, and takes both on the next refresh', async () => {
    await deviceWithServerData()
    await publishPlans(store, { version: 'x', plans: [serverPlan(3, 5), serverPlan(4, 6)], themes: [] })
    const before = await planTables()
    const flaky: FetchLike = async (input, init) => {
      if (input.endsWith('/plans/plan-4'))
        throw new TypeError('Failed to fetch')
      return counting(input, init)
    }
    await expect(refreshPlanData(new SyncApiClient(flaky))).rejects.toThrow('Failed to fetch')
    expect(await planTables()).toEqual(before)
    requests = []
    expect(await refreshPlanData(client())).toBe('replaced')
    expect(requests.sort()).toEqual(['/plans/manifest 200', '/plans/plan-3 200', '/plans/plan-4 200'])
    expect(await db.points.where('[planId+order]').between(['plan-4', 0], ['plan-4', 99]).count()).toBe(6)
  })

  it('takes the whole data from a server without the manifest, as before', async () => {
    const old: FetchLike = async (input, init) => (input.includes('/plans/manifest') ? new Response('{"error":"not found"}', { status: 404 }) : counting(input, init))
    expect(await refreshPlanData(new SyncApiClient(old))).toBe('replaced')
    expect(requests).toEqual(['/plans 200'])
    const served = await (await app.request('/api/plans')).json() as PlanData
    expect((await db.plans.toArray()).map(p => p.id).sort()).toEqual(served.plans.map(p => p.id).sort())
  })
})
