import type { Store } from '../../../server/store/store'
import type { PreparedPhoto } from '../../../src/db/photos'
import type { FetchLike } from '../../../src/sync/sync-api-client'
import { createHash, randomBytes } from 'node:crypto'
import pino from 'pino'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../../../server/app'
import { ensurePlanData as ensureServerPlanData } from '../../../server/storage/plans'
import { addUser } from '../../../server/storage/users'
import { migrate } from '../../../server/store/migrate'
import { PLAN_DATA } from '../../../server/test/fixtures'
import { storeFactories } from '../../../server/test/stores'
import { addCheckin } from '../../../src/db/actions'
import { db } from '../../../src/db/db'
import { adoptLocalData, clearOwnerData } from '../../../src/db/owner-data'
import { SyncApiClient } from '../../../src/sync/sync-api-client'
import { SyncEngine } from '../../../src/sync/sync-engine'

// Photo upload against the real server app (PGlite), in-process: after the check-in, idempotent, resumable, per owner.
let store: Store
let app: ReturnType<typeof createApp>
const PASSWORD = 'correct horse 1'

beforeAll(async () => {
  store = await storeFactories[0]!.open()
  await migrate(store)
  await ensureServerPlanData(store, () => PLAN_DATA)
  app = createApp({ store, logger: pino({ level: 'silent' }), loginThrottle: { perAccount: 1000, perAddress: 1000 }, photoLimits: { quotaBytes: 50_000 } })
  await addUser(store, { name: 'zhang', unit: '长沙市政务服务中心', admin: false, password: PASSWORD })
  await addUser(store, { name: 'li', unit: '长沙市政务服务中心', admin: false, password: PASSWORD })
}, 60_000)
beforeEach(async () => {
  await Promise.all(db.tables.map(t => t.clear()))
})
afterAll(() => store.close())

const appFetch: FetchLike = async (input, init) => app.request(input, init)

function photo(size = 2000): PreparedPhoto {
  const bytes = randomBytes(size)
  bytes.set([0xFF, 0xD8, 0xFF, 0xE0])
  return {
    hash: createHash('sha256').update(bytes).digest('hex'),
    blob: new Blob([bytes], { type: 'image/jpeg' }),
    thumb: new Blob([bytes.subarray(0, 100)], { type: 'image/jpeg' }),
    width: 1600,
    height: 1200,
  }
}

async function serverPhotos(name: string): Promise<{ photos: number, links: number }> {
  const [row] = await store.query<{ photos: number, links: number }>(
    `select (select count(*)::int from photos p join users u on u.id = p.user_id where u.name = $1) as photos,
            (select count(*)::int from checkin_photos l join users u on u.id = l.user_id where u.name = $1) as links`,
    [name],
  )
  return row!
}

describe('photo upload', () => {
  it('uploads photos after their check-in, each once, and resumes after a lost answer', async () => {
    let loseFirstPhoto = true
    let puts = 0
    const lossy: FetchLike = async (input, init) => {
      const response = await appFetch(input, init)
      if (init?.method === 'PUT' && input.includes('/photos/')) {
        puts++
        if (loseFirstPhoto) {
          loseFirstPhoto = false
          throw new TypeError('network connection lost') // stored on the server, the answer never arrives
        }
      }
      return response
    }
    const sync = new SyncEngine({ client: new SyncApiClient(lossy), random: () => 0.5 })
    await sync.signIn('zhang', PASSWORD)
    const before = await serverPhotos('zhang')
    await addCheckin({ pointId: 'test-plan-1', status: 'in_progress', progress: 30, note: '有照片' }, new Date(), [photo(), photo(), photo()])
    expect((await db.photos.toArray()).map(p => p.state)).toEqual(['pending', 'pending', 'pending'])

    expect(await sync.syncNow()).toMatchObject({ kind: 'failed', message: '网络不可用，稍后自动重试' })
    expect((await db.checkins.toArray())[0]!.syncState).toBe('synced') // the check-in went first
    expect((await db.photos.toArray()).filter(p => p.state === 'pending')).toHaveLength(3)
    expect(await sync.syncNow()).toMatchObject({ kind: 'synced' })
    expect((await db.photos.toArray()).map(p => p.state)).toEqual(['uploaded', 'uploaded', 'uploaded'])
    expect(puts).toBe(4)
    expect(await serverPhotos('zhang')).toEqual({ photos: before.photos + 3, links: before.links + 3 })
    await sync.syncNow()
    expect(puts).toBe(4) // nothing is sent again
  })

  it('sets a refused photo apart with the server\'s words and uploads the rest', async () => {
    const sync = new SyncEngine({ client: new SyncApiClient(appFetch), random: () => 0.5 })
    await sync.signIn('li', PASSWORD)
    await addCheckin({ pointId: 'test-plan-2', status: 'done', progress: 100, note: '' }, new Date(), [photo(30_000), photo(30_000)])
    expect(await sync.syncNow()).toMatchObject({ kind: 'synced' })
    const rows = (await db.photos.toArray()).sort((a, b) => a.position - b.position)
    expect(rows.map(p => p.state)).toEqual(['uploaded', 'rejected'])
    expect(rows[1]!.rejectReason).toMatch(/^照片空间已用完/)
  })

  it('keeps a photo with its owner: 本机 photos wait until adopted, and clearing an owner deletes theirs', async () => {
    await addCheckin({ pointId: 'test-plan-3', status: 'in_progress', progress: 10, note: '' }, new Date(), [photo()])
    expect((await db.photos.toArray())[0]!.owner).toBe('本机')
    const sync = new SyncEngine({ client: new SyncApiClient(appFetch), random: () => 0.5 })
    await sync.signIn('zhang', PASSWORD)
    expect((await db.photos.toArray())[0]!.state).toBe('pending') // not adopted: never pushed under zhang
    await adoptLocalData('zhang')
    await sync.syncNow()
    expect((await db.photos.toArray())[0]).toMatchObject({ owner: 'zhang', state: 'uploaded' })
    await clearOwnerData('zhang')
    expect(await db.photos.count()).toBe(0)
  })
})
