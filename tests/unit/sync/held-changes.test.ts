import type { Store } from '../../../server/store/store'
import type { Plan } from '../../../src/domain/plan'
import type { FetchLike } from '../../../src/sync/sync-api-client'
import pino from 'pino'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../../../server/app'
import { ensurePlanData as ensureServerPlanData } from '../../../server/storage/plans'
import { addUser } from '../../../server/storage/users'
import { migrate } from '../../../server/store/migrate'
import { makePlan, PLAN_DATA } from '../../../server/test/fixtures'
import { storeFactories } from '../../../server/test/stores'
import { addCheckin, setFavorite } from '../../../src/db/actions'
import { db } from '../../../src/db/db'
import { importLocalPlans, removeLocalPlan } from '../../../src/db/local-plans'
import { replacePlanData } from '../../../src/db/plan-data-loader'
import { countHeldChanges, listHeldChanges, pointHoldReason } from '../../../src/sync/held-changes'
import { hasDueOutbox, msUntilNextRetry } from '../../../src/sync/outbox-timing'
import { publishLocalPlan } from '../../../src/sync/publish-plan'
import { SyncApiClient } from '../../../src/sync/sync-api-client'
import { SyncEngine } from '../../../src/sync/sync-engine'

// Changes on a plan imported on this device, against the real server app (PGlite) called in-process: held while
// the server does not know the plan, never set apart or dropped, sent on the first sync after it is published.
let store: Store
let app: ReturnType<typeof createApp>
const PASSWORD = 'held-changes-pass-1'
const UNIT = '某某县政务服务中心'
const HELD = '所属计划仅在本机导入，发布到服务器后再同步'

beforeAll(async () => {
  store = await storeFactories[0]!.open()
  await migrate(store)
  await ensureServerPlanData(store, () => PLAN_DATA)
  app = createApp({ store, logger: pino({ level: 'silent' }), loginThrottle: { perAccount: 1000, perAddress: 1000 } })
  await addUser(store, { name: 'admin', unit: UNIT, admin: true, password: PASSWORD })
  await addUser(store, { name: 'zhang', unit: UNIT, admin: false, password: PASSWORD })
  await addUser(store, { name: 'li', unit: UNIT, admin: false, password: PASSWORD })
}, 60_000)
beforeEach(async () => {
  // A fresh device holding the build's plan data.
  await Promise.all(db.tables.map(t => t.clear()))
  await replacePlanData(PLAN_DATA)
})
afterAll(() => store.close())

const appFetch: FetchLike = async (input, init) => app.request(input, init)
const client = () => new SyncApiClient(appFetch)
const engine = () => new SyncEngine({ client: client(), random: () => 0.5 })
/** A plan as the app's import stores it (each test its own id: the server keeps what was published). */
const localPlan = (id: string): Plan => ({ ...makePlan(id, 3, `${id}工作要点`), origin: 'local' })

/** The user's own check-ins and favorites on the server (colleagues' check-ins of the unit left out). */
async function mineOnServer(name: string) {
  const c = client()
  const { token } = await c.login(name, PASSWORD)
  const page = await c.pull(token, undefined, 1000)
  return { checkins: page.checkins.filter(ch => ch.mine), favorites: page.favorites }
}

describe('changes on a plan imported on this device', () => {
  it('wait in the outbox with their reason until this device publishes the plan, then go up once', async () => {
    const sync = engine()
    await sync.signIn('admin', PASSWORD)
    await importLocalPlans({ plans: [localPlan('county-a')], themes: PLAN_DATA.themes })
    const held = await addCheckin({ pointId: 'county-a-1', status: 'in_progress', progress: 30, note: '本机计划上的打卡' })
    await setFavorite('county-a-2', true)
    await addCheckin({ pointId: 'test-plan-1', status: 'done', progress: 100, note: '已发布计划上的打卡' })

    // Only the change on a published plan goes; the two others are held, not refused.
    expect(await sync.syncNow()).toMatchObject({ kind: 'synced', pushed: { accepted: 1, rejected: 0 } })
    expect((await db.outbox.toArray()).map(r => [r.state, r.attempts])).toEqual([['pending', 0], ['pending', 0]])
    expect(await db.checkins.get(held.id)).toMatchObject({ syncState: 'pending' })
    expect((await listHeldChanges()).map(c => [c.kind, c.pointId, c.pointTitle, c.reason])).toEqual([
      ['checkin', 'county-a-1', '要点1', HELD],
      ['favorite', 'county-a-2', '要点2', HELD],
    ])
    expect(await countHeldChanges()).toBe(2)
    expect(await pointHoldReason('county-a-1')).toBe(HELD)
    expect(await pointHoldReason('test-plan-1')).toBeUndefined()
    // Held rows never count as due: no retry timer, no poll-driven runs for them.
    expect(await hasDueOutbox()).toBe(false)
    expect(await msUntilNextRetry()).toBeUndefined()
    expect(await sync.syncNow()).toMatchObject({ kind: 'synced', pushed: { accepted: 0, rejected: 0 } })
    expect((await mineOnServer('admin')).checkins.map(c => c.note)).toEqual(['已发布计划上的打卡'])

    expect(await publishLocalPlan(sync.client, 'county-a')).toMatchObject({ kind: 'published' })
    expect((await db.plans.get('county-a'))?.origin).toBe('server')
    expect(await countHeldChanges()).toBe(0)
    expect(await sync.syncNow()).toMatchObject({ kind: 'synced', pushed: { accepted: 2, rejected: 0 } })
    expect(await db.outbox.count()).toBe(0)
    expect(await db.checkins.get(held.id)).toMatchObject({ syncState: 'synced' })
    const server = await mineOnServer('admin')
    expect(server.checkins.map(c => c.note).sort()).toEqual(['已发布计划上的打卡', '本机计划上的打卡'])
    expect(server.favorites).toEqual([expect.objectContaining({ pointId: 'county-a-2', on: true })])
    // The sync after publishing took the server's plan data, which now has the plan.
    expect((await db.plans.get('county-a'))?.origin).toBe('server')

    // A colleague's device gets the plan on its next sync.
    await Promise.all(db.tables.map(t => t.clear()))
    await replacePlanData(PLAN_DATA)
    await engine().signIn('li', PASSWORD)
    expect(await db.plans.get('county-a')).toMatchObject({ origin: 'server', title: 'county-a工作要点' })
    expect(await db.points.get('county-a-1')).toBeDefined()
  })

  it('go up on the first sync after an admin elsewhere published the plan (found in /api/plans)', async () => {
    const sync = engine()
    await sync.signIn('zhang', PASSWORD)
    await importLocalPlans({ plans: [localPlan('county-b')], themes: PLAN_DATA.themes })
    await addCheckin({ pointId: 'county-b-3', status: 'blocked', progress: 10, note: '等待发布' })
    expect(await publishLocalPlan(sync.client, 'county-b')).toEqual({ kind: 'not-admin' })
    expect(await sync.syncNow()).toMatchObject({ kind: 'synced', pushed: { accepted: 0, rejected: 0 } })
    expect(await countHeldChanges()).toBe(1)

    const admin = client()
    const { token } = await admin.login('admin', PASSWORD)
    await admin.publishPlan(token, { ...localPlan('county-b'), origin: 'server' })

    expect(await sync.syncNow()).toMatchObject({ kind: 'synced', pushed: { accepted: 1, rejected: 0 } })
    expect((await db.plans.get('county-b'))?.origin).toBe('server')
    expect(await db.unpublishedPoints.count()).toBe(0)
    expect((await mineOnServer('zhang')).checkins.map(c => c.note)).toEqual(['等待发布'])
  })

  it('keep waiting when the local plan is deleted, and go up once it is imported again and published', async () => {
    const sync = engine()
    await sync.signIn('admin', PASSWORD)
    await importLocalPlans({ plans: [localPlan('county-c')], themes: PLAN_DATA.themes })
    await addCheckin({ pointId: 'county-c-1', status: 'done', progress: 100, note: '删除前的打卡' })
    await removeLocalPlan('county-c')

    expect(await sync.syncNow()).toMatchObject({ kind: 'synced', pushed: { accepted: 0, rejected: 0 } })
    expect(await listHeldChanges()).toEqual([expect.objectContaining({ pointTitle: undefined, reason: '所属计划已从本机删除，重新导入并发布到服务器后再同步' })])
    expect((await db.outbox.toArray()).map(r => r.state)).toEqual(['pending'])
    expect(await db.checkins.where('pointId').equals('county-c-1').count()).toBe(1)

    await importLocalPlans({ plans: [localPlan('county-c')], themes: PLAN_DATA.themes })
    expect(await pointHoldReason('county-c-1')).toBe(HELD)
    expect(await publishLocalPlan(sync.client, 'county-c')).toMatchObject({ kind: 'published' })
    expect(await sync.syncNow()).toMatchObject({ kind: 'synced', pushed: { accepted: 1, rejected: 0 } })
  })

  it('publishing asks for an admin session and a plan imported here', async () => {
    expect(await publishLocalPlan(client(), 'county-a')).toEqual({ kind: 'signed-out' })
    await engine().signIn('admin', PASSWORD)
    expect(await publishLocalPlan(client(), 'test-plan')).toEqual({ kind: 'not-local' })
  })
})
