import type { Store } from '../../../server/store/store'
import type { FetchLike } from '../../../src/sync/sync-api-client'
import pino from 'pino'
import { planDataVersion } from 'virtual:plan-data'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../../../server/app'
import { ensurePlanData as ensureServerPlanData, publishPlans } from '../../../server/storage/plans'
import { addUser } from '../../../server/storage/users'
import { migrate } from '../../../server/store/migrate'
import { makePlan, PLAN_DATA } from '../../../server/test/fixtures'
import { storeFactories } from '../../../server/test/stores'
import { addCheckin, setFavorite } from '../../../src/db/actions'
import { db } from '../../../src/db/db'
import { ensurePlanData, replacePlanData } from '../../../src/db/plan-data-loader'
import { getSession } from '../../../src/sync/session'
import { SyncApiClient } from '../../../src/sync/sync-api-client'
import { SyncEngine } from '../../../src/sync/sync-engine'
import { getSyncStatus } from '../../../src/sync/sync-status'

// The client sync against the real server app (PGlite), called in-process through app.request().
let store: Store
let app: ReturnType<typeof createApp>
const PASSWORD = 'correct horse 1'

beforeAll(async () => {
  // The PGlite factory starts from a cached template: a fresh in-memory database takes seconds on a busy machine.
  store = await storeFactories[0]!.open()
  await migrate(store)
  await ensureServerPlanData(store, () => PLAN_DATA)
  // Many sign-ins in a few seconds: the production limiter would (rightly) refuse them.
  app = createApp({ store, logger: pino({ level: 'silent' }), loginThrottle: { perAccount: 1000, perAddress: 1000 } })
  await addUser(store, { name: 'zhang', unit: '长沙市政务服务中心', admin: false, password: PASSWORD })
  await addUser(store, { name: 'li', unit: '长沙市政务服务中心', admin: false, password: PASSWORD })
  await addUser(store, { name: 'wang', unit: '娄底市政务服务中心', admin: false, password: PASSWORD })
}, 60_000) // PGlite's first start (WASM + initdb) takes ~10 s when the suite runs in parallel, as the server tests allow too.
beforeEach(async () => {
  // Each test starts as a fresh device.
  await Promise.all(db.tables.map(t => t.clear()))
})

afterAll(() => store.close())

const appFetch: FetchLike = async (input, init) => app.request(input, init)

function engine(fetchImpl: FetchLike = appFetch, now = () => Date.now()) {
  return new SyncEngine({ client: new SyncApiClient(fetchImpl), now, random: () => 0.5 })
}

/** What the server holds for a user, read through the API as a second device would. */
async function serverCheckins(name: string) {
  const client = new SyncApiClient(appFetch)
  const { token } = await client.login(name, PASSWORD)
  const page = await client.pull(token, undefined, 1000)
  return page
}

describe('client sync', () => {
  it('pushes check-ins and a favorite made offline, exactly once, and empties the outbox', async () => {
    const sync = engine()
    await sync.signIn('zhang', PASSWORD)
    for (let i = 1; i <= 5; i++)
      await addCheckin({ pointId: 'test-plan-1', status: 'in_progress', progress: i * 10, note: `第${i}次` })
    await setFavorite('test-plan-2', true)
    expect(await db.outbox.count()).toBe(6)

    expect(await sync.syncNow()).toMatchObject({ kind: 'synced', pushed: { accepted: 6, rejected: 0 } })
    expect(await db.outbox.count()).toBe(0)
    expect((await db.checkins.toArray()).every(c => c.syncState === 'synced')).toBe(true)
    const server = await serverCheckins('zhang')
    expect(server.checkins.filter(c => c.mine)).toHaveLength(5)
    expect(server.favorites).toEqual([expect.objectContaining({ pointId: 'test-plan-2', on: true })])
    expect((await getSyncStatus()).lastSyncedAt).toBeDefined()
  })

  it('stores a check-in once when the answer to a push is lost and the push is retried', async () => {
    let loseNext = true
    const lossy: FetchLike = async (input, init) => {
      const response = await appFetch(input, init)
      if (loseNext && input.includes('/sync/push')) {
        loseNext = false
        throw new TypeError('network connection lost')
      }
      return response
    }
    let skew = 0
    const sync = engine(lossy, () => Date.now() + skew)
    await sync.signIn('li', PASSWORD)
    const before = (await serverCheckins('li')).checkins.filter(c => c.mine).length
    await addCheckin({ pointId: 'test-plan-3', status: 'done', progress: 100, note: '完成' })

    expect(await sync.syncNow()).toMatchObject({ kind: 'failed', message: '网络不可用，稍后自动重试' })
    const [row] = await db.outbox.toArray()
    expect(row).toMatchObject({ attempts: 1, state: 'pending' })
    expect(row!.nextAttemptAt).toBeGreaterThan(Date.now())
    // Before the backoff delay nothing is sent; after it, the retry is accepted without a duplicate.
    expect(await sync.syncNow()).toMatchObject({ kind: 'synced', pushed: { accepted: 0 } })
    skew = row!.nextAttemptAt - Date.now() + 1
    expect(await sync.syncNow()).toMatchObject({ kind: 'synced', pushed: { accepted: 1 } })
    expect((await serverCheckins('li')).checkins.filter(c => c.mine)).toHaveLength(before + 1)
    expect(await db.outbox.count()).toBe(0)
  })

  it('keeps the outbox and asks to sign in again on a 401', async () => {
    const sync = engine()
    await sync.signIn('zhang', PASSWORD)
    const session = await getSession()
    await new SyncApiClient(appFetch).logout(session!.token)
    await addCheckin({ pointId: 'test-plan-1', status: 'blocked', progress: 20, note: '缺资金' })

    expect(await sync.syncNow()).toEqual({ kind: 'auth-expired' })
    expect(await db.outbox.count()).toBe(1)
    expect((await db.outbox.toArray())[0]).toMatchObject({ state: 'pending', attempts: 0 })
    expect((await getSession())?.expired).toBe(true)
    expect(await sync.syncNow()).toEqual({ kind: 'auth-expired' })

    expect(await sync.signIn('zhang', PASSWORD)).toMatchObject({ kind: 'synced', pushed: { accepted: 1 } })
  })

  it('shows a rejected mutation instead of dropping it, and still sends the others', async () => {
    const sync = engine()
    await sync.signIn('zhang', PASSWORD)
    await addCheckin({ pointId: 'no-such-point', status: 'done', progress: 100, note: '' })
    await addCheckin({ pointId: 'test-plan-4', status: 'done', progress: 100, note: '' })
    expect(await sync.syncNow()).toMatchObject({ kind: 'synced', pushed: { accepted: 1, rejected: 1 } })
    const rejected = await db.outbox.toArray()
    expect(rejected).toEqual([expect.objectContaining({ state: 'rejected', lastError: '要点不存在（可能已被撤下）' })])
    const bad = await db.checkins.where('pointId').equals('no-such-point').first()
    expect(bad).toMatchObject({ syncState: 'rejected', rejectReason: '要点不存在（可能已被撤下）' })
    // A rejected row is not sent again on the next run.
    expect(await sync.syncNow()).toMatchObject({ kind: 'synced', pushed: { accepted: 0, rejected: 0 } })
  })

  it('brings a user\'s history and favorites to a second device, and colleagues\' check-ins read-only', async () => {
    const first = engine()
    await first.signIn('zhang', PASSWORD)
    await addCheckin({ pointId: 'test-plan-5', status: 'in_progress', progress: 50, note: '第二台设备可见' })
    await setFavorite('test-plan-5', true)
    await first.syncNow()

    await Promise.all(db.tables.map(t => t.clear())) // a new phone
    const second = engine()
    await second.signIn('zhang', PASSWORD)
    expect((await db.checkins.where('pointId').equals('test-plan-5').toArray()).map(c => [c.owner, c.note])).toContainEqual(['zhang', '第二台设备可见'])
    expect(await db.favoritesByOwner.get(['zhang', 'test-plan-5'])).toMatchObject({ on: true })

    await Promise.all(db.tables.map(t => t.clear()))
    await engine().signIn('li', PASSWORD)
    const colleague = await db.colleagueCheckins.filter(c => c.pointId === 'test-plan-5').toArray()
    expect(colleague.map(c => [c.viewer, c.author, c.note])).toContainEqual(['li', 'zhang', '第二台设备可见'])
    expect(await db.checkins.where('pointId').equals('test-plan-5').count()).toBe(0)

    await Promise.all(db.tables.map(t => t.clear()))
    await engine().signIn('wang', PASSWORD)
    expect(await db.colleagueCheckins.count()).toBe(0) // another unit sees nothing
  })

  it('picks up plans published on the server, keeping favorites, and the build copy does not undo them', async () => {
    await replacePlanData(PLAN_DATA)
    await setFavorite('test-plan-2', true)
    await publishPlans(store, makePlan('published-later', 2, '新发布的工作要点'))

    expect(await engine().syncNow()).toEqual({ kind: 'signed-out' }) // plan data needs no account
    expect((await db.plans.toArray()).map(p => p.id).sort()).toEqual(['published-later', 'test-plan'])
    expect(await db.favoritesByOwner.get(['本机', 'test-plan-2'])).toMatchObject({ on: true })
    const serverVersion = (await db.meta.get('dataVersion'))?.value

    // Unchanged on the server: a 304, nothing rewritten.
    await engine().syncNow()
    expect((await db.meta.get('dataVersion'))?.value).toBe(serverVersion)

    const fetchBuild = async () => Response.json(PLAN_DATA)
    expect(await ensurePlanData(fetchBuild as typeof fetch, { version: 'another-build', url: '/data.json' })).toEqual({ version: serverVersion, replaced: false })
    expect(await db.plans.get('published-later')).toBeDefined()
  })

  it('asks with the stored version alone: a device holding the server\'s data downloads the manifest only', async () => {
    const served = await (await app.request('/api/plans')).json() as typeof PLAN_DATA
    const requests: string[] = []
    const counting: FetchLike = async (input, init) => {
      const response = await appFetch(input, init)
      requests.push(`${input.replace(/^\/api/, '')} ${response.status}`)
      return response
    }
    // As a first visit leaves it: the same data (the build's), and no ETag ever seen from this server.
    await replacePlanData(served)
    expect(await db.meta.get('plansEtag')).toBeUndefined()
    await engine(counting).syncNow()
    expect(requests).toEqual(['/plans/manifest 200'])
    expect((await db.meta.get('dataVersion'))?.value).toBe(served.version)
    // The manifest's versions are now known: the next refresh is a 304.
    await engine(counting).syncNow()
    expect(requests).toEqual(['/plans/manifest 200', '/plans/manifest 304'])

    // Other data on the device, stored whole: no plan version is known, and the server's whole data replaces it.
    await Promise.all(db.tables.map(t => t.clear()))
    await replacePlanData(PLAN_DATA)
    requests.length = 0
    await engine(counting).syncNow()
    expect(requests).toEqual(['/plans/manifest 200', '/plans 200'])
    expect((await db.meta.get('dataVersion'))?.value).toBe(served.version)

    // Nothing stored yet (the build's data still being written): it asks with the build's version.
    await Promise.all(db.tables.map(t => t.clear()))
    const asked: (string | null)[] = []
    await engine(async (input, init) => {
      if (input.endsWith('/plans'))
        asked.push(new Headers(init?.headers).get('If-None-Match'))
      return appFetch(input, init)
    }).syncNow()
    expect(asked).toEqual([`"${planDataVersion}"`])
  })

  it('says signed-out and offline without touching the outbox', async () => {
    await addCheckin({ pointId: 'test-plan-1', status: 'not_started', progress: 0, note: '' })
    expect(await engine().syncNow()).toEqual({ kind: 'signed-out' })
    await engine().signIn('zhang', PASSWORD)
    await addCheckin({ pointId: 'test-plan-1', status: 'not_started', progress: 0, note: '' })
    const offline = new SyncEngine({ client: new SyncApiClient(appFetch), isOnline: () => false })
    expect(await offline.syncNow()).toEqual({ kind: 'offline' })
    // The 本机 row made signed out is not zhang's: it waits for the 本机 question, untouched.
    expect((await db.outbox.toArray()).map(r => r.owner).sort()).toEqual(['zhang', '本机'])
  })
})
