import type { Store } from '../../../server/store/store'
import type { FetchLike } from '../../../src/sync/sync-api-client'
import Dexie from 'dexie'
import pino from 'pino'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../../../server/app'
import { ensurePlanData as ensureServerPlanData } from '../../../server/storage/plans'
import { addUser } from '../../../server/storage/users'
import { migrate } from '../../../server/store/migrate'
import { PLAN_DATA } from '../../../server/test/fixtures'
import { storeFactories } from '../../../server/test/stores'
import { db, DB_NAME } from '../../../src/db/db'
import { getFavoriteIds, getLatestCheckins } from '../../../src/db/queries'
import { getSession } from '../../../src/sync/session'
import { SyncApiClient } from '../../../src/sync/sync-api-client'
import { SyncEngine } from '../../../src/sync/sync-engine'
import { legacyCheckin, legacyFavorite, LegacyV4DB } from './legacy-v4'

// A database written by schema v4 (today's installs) with pending outbox rows upgrades to v5 and syncs them all.
let store: Store
let app: ReturnType<typeof createApp>
const PASSWORD = 'upgrade-test-pass-1'
const UNIT = '长沙市政务服务中心'
const appFetch: FetchLike = async (input, init) => app.request(input, init)
const DEVICE = '01937f00-0000-7000-8000-00000000dddd'

beforeAll(async () => {
  store = await storeFactories[0]!.open()
  await migrate(store)
  await ensureServerPlanData(store, () => PLAN_DATA)
  app = createApp({ store, logger: pino({ level: 'silent' }) })
  await addUser(store, { name: 'zhang', unit: UNIT, admin: false, password: PASSWORD })
  await addUser(store, { name: 'li', unit: UNIT, admin: false, password: PASSWORD })
}, 60_000)
beforeEach(async () => {
  db.close()
  await Dexie.delete(DB_NAME)
})
afterAll(() => store.close())

/** Writes a v4 database the way an installed app left it, then closes it. */
async function writeLegacy(session: { token: string, user: { name: string, unit: string, admin: boolean } } | undefined) {
  const legacy = new LegacyV4DB(DB_NAME)
  const checkins = [1, 2, 3, 4].map(n => legacyCheckin(n, `test-plan-${n}`, DEVICE))
  const favorites = [5, 6].map(n => legacyFavorite(n, `test-plan-${n - 3}`, DEVICE))
  await legacy.table('checkins').bulkAdd(checkins.map(c => c.row))
  // One check-in pulled earlier for the session's account (v4 marked it with userId).
  await legacy.table('checkins').add({ ...legacyCheckin(9, 'test-plan-5', DEVICE).row, syncState: 'synced', userId: session?.user.name ?? 'someone' })
  await legacy.table('favorites').bulkAdd(favorites.map(f => f.row))
  await legacy.table('outbox').bulkAdd([...checkins, ...favorites].map(c => c.outbox))
  // A change the server had refused stays set apart through the upgrade.
  await legacy.table('outbox').add({ ...legacyCheckin(7, 'no-such-point', DEVICE).outbox, state: 'rejected', lastError: '要点不存在（可能已被撤下）' })
  await legacy.table('unitCheckins').add({ ...legacyCheckin(8, 'test-plan-1', 'other').row, author: 'wang' })
  await legacy.table('meta').bulkPut([
    { key: 'deviceId', value: DEVICE },
    { key: 'syncCursor:zhang', value: 'djE6OTk5' },
    ...(session ? [{ key: 'session', value: { ...session, expiresAt: '2099-01-01T00:00:00.000Z', expired: false } }] : []),
  ])
  const outboxIds = (await legacy.table('outbox').toCollection().primaryKeys()).sort()
  legacy.close()
  return outboxIds
}

describe('schema v5 upgrade (owners)', () => {
  it('gives today\'s rows to the signed-in account, drops no outbox row, and syncs every pending one exactly once', async () => {
    const client = new SyncApiClient(appFetch)
    const login = await client.login('zhang', PASSWORD)
    const outboxIds = await writeLegacy({ token: login.token, user: login.user })

    await db.open()
    expect(db.verno).toBeGreaterThanOrEqual(5) // later versions are additive (upgrade-v6.test.ts)
    const outbox = await db.outbox.toArray()
    expect(outbox.map(r => r.id).sort()).toEqual(outboxIds)
    expect(new Set(outbox.map(r => r.owner))).toEqual(new Set(['zhang']))
    expect(outbox.filter(r => r.state === 'rejected')).toHaveLength(1)
    expect((await db.checkins.toArray()).map(c => c.owner)).toEqual(['zhang', 'zhang', 'zhang', 'zhang', 'zhang'])
    expect((await db.favoritesByOwner.toArray()).map(f => [f.owner, f.pointId])).toEqual([['zhang', 'test-plan-2'], ['zhang', 'test-plan-3']])
    // Colleagues' rows and pull cursors were shared by every account: gone, to be pulled afresh.
    expect(await db.colleagueCheckins.count()).toBe(0)
    expect(await db.meta.get('syncCursor:zhang')).toBeUndefined()
    expect([...await getFavoriteIds()].sort()).toEqual(['test-plan-2', 'test-plan-3'])
    expect((await getLatestCheckins()).size).toBe(5)

    const outcome = await new SyncEngine({ client }).syncNow()
    expect(outcome).toMatchObject({ kind: 'synced', pushed: { accepted: 6, rejected: 0 } })
    expect(await db.outbox.where('state').equals('pending').count()).toBe(0)
    const held = await client.pull(login.token, undefined, 1000)
    expect(held.checkins.filter(c => c.mine).map(c => c.note).sort()).toEqual(['升级前的打卡 1', '升级前的打卡 2', '升级前的打卡 3', '升级前的打卡 4'])
    expect(held.favorites.map(f => f.pointId).sort()).toEqual(['test-plan-2', 'test-plan-3'])
    // The pull brought zhang's own rows back under zhang, once each (the fifth is the one pulled before the upgrade).
    const local = await db.checkins.toArray()
    expect(local).toHaveLength(5)
    expect(local.every(c => c.owner === 'zhang' && c.syncState === 'synced')).toBe(true)
  })

  it('gives rows made with nobody signed in to 本机, and syncs them only after the account adopts them', async () => {
    const outboxIds = await writeLegacy(undefined)
    await db.open()
    const outbox = await db.outbox.toArray()
    expect(outbox.map(r => r.id).sort()).toEqual(outboxIds)
    expect(new Set(outbox.map(r => r.owner))).toEqual(new Set(['本机']))
    // The v4 row pulled for an account keeps that account.
    expect((await db.checkins.toArray()).map(c => c.owner).sort()).toEqual(['someone', '本机', '本机', '本机', '本机'])

    const sync = new SyncEngine({ client: new SyncApiClient(appFetch) })
    expect(await sync.signIn('li', PASSWORD)).toMatchObject({ kind: 'synced', pushed: { accepted: 0 } })
    expect((await getSession())?.askAboutLocalData).toBe(true)
    expect(await db.outbox.where('[owner+state]').equals(['本机', 'pending']).count()).toBe(6)

    expect(await sync.answerLocalDataQuestion('merge')).toMatchObject({ kind: 'synced', pushed: { accepted: 6 } })
    expect((await getSession())?.askAboutLocalData).toBe(false)
    expect(await db.outbox.where('state').equals('pending').count()).toBe(0)
    const token = (await getSession())!.token
    const held = await new SyncApiClient(appFetch).pull(token, undefined, 1000)
    expect(held.checkins.filter(c => c.mine)).toHaveLength(4)
  })
})
