import type { Mutation } from '../../src/domain/progress'
import type { Harness } from './harness'
import { createHash, randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkinMutation } from './fixtures'
import { createHarness } from './harness'
import { storeFactories } from './stores'

const MAX = 64 * 1024
const QUOTA = 160 * 1024

/** A body that passes for a JPEG (the server checks the magic bytes, not the whole image). */
function fakeJpeg(size: number): Uint8Array<ArrayBuffer> {
  const bytes = randomBytes(size)
  bytes.set([0xFF, 0xD8, 0xFF, 0xE0])
  return new Uint8Array(bytes)
}
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const checkinIdOf = (m: Mutation) => (m.kind === 'checkin.create' ? m.checkin.id : '')

describe.each(storeFactories)('photos on $name', (factory) => {
  let h: Harness
  let alice: string
  let bob: string
  let carol: string
  let dave: string

  beforeAll(async () => {
    h = await createHarness(factory, { photoLimits: { maxBytes: MAX, quotaBytes: QUOTA } })
    alice = (await h.addAndLogin('alice', '长沙市政务局')).token
    bob = (await h.addAndLogin('bob', '长沙市政务局')).token
    carol = (await h.addAndLogin('carol', '娄底市政务局')).token
    dave = (await h.addAndLogin('dave', '株洲市政务局')).token
  }, 60_000)
  afterAll(() => h?.close())

  async function pushedCheckin(token: string): Promise<string> {
    const m = checkinMutation()
    expect((await h.push(token, [m])).results[0]!.status).toBe('accepted')
    return checkinIdOf(m)
  }

  const upload = (token: string, checkin: string, bytes: Uint8Array, options: { hash?: string, type?: string, position?: number } = {}) =>
    h.request(`/api/photos/${options.hash ?? sha256(bytes)}?checkin=${checkin}&position=${options.position ?? 0}`, {
      method: 'PUT',
      token,
      headers: { 'Content-Type': options.type ?? 'image/jpeg' },
      body: bytes as Uint8Array<ArrayBuffer>,
    })

  it('stores a photo once however often it is sent, and pull lists it with its check-in', async () => {
    const checkin = await pushedCheckin(alice)
    const photo = fakeJpeg(10_000)
    const first = await upload(alice, checkin, photo)
    expect(first.status).toBe(201)
    expect(await first.json()).toMatchObject({ stored: true, linked: true })
    const again = await upload(alice, checkin, photo)
    expect(again.status).toBe(200)
    expect(await again.json()).toMatchObject({ stored: false, linked: false })
    const rows = await h.store.query<{ n: number }>('select count(*)::int as n from photos where hash = $1', [sha256(photo)])
    expect(rows[0]!.n).toBe(1)
    const links = await h.store.query<{ n: number }>('select count(*)::int as n from checkin_photos where hash = $1', [sha256(photo)])
    expect(links[0]!.n).toBe(1)
    const pulled = (await h.pullAll(alice)).checkins.find(c => c.id === checkin)
    expect(pulled?.photos).toEqual([sha256(photo)])
  })

  it('sends a colleague who already pulled the check-in its photos on the next pull', async () => {
    const checkin = await pushedCheckin(alice)
    const before = (await h.pullAll(bob)).checkins.find(c => c.id === checkin)
    expect(before?.photos).toBeUndefined()
    const photos = [fakeJpeg(5000), fakeJpeg(6000)]
    await upload(alice, checkin, photos[1]!, { position: 1 })
    await upload(alice, checkin, photos[0]!, { position: 0 })
    const after = (await h.pullAll(bob)).checkins.filter(c => c.id === checkin)
    expect(after.at(-1)?.photos).toEqual(photos.map(sha256))
  })

  it('serves a photo to its owner and to colleagues of the same unit only, never cached publicly', async () => {
    const checkin = await pushedCheckin(alice)
    const photo = fakeJpeg(4000)
    await upload(alice, checkin, photo)
    for (const token of [alice, bob]) {
      const res = await h.request(`/api/photos/${sha256(photo)}`, { token })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/jpeg')
      expect(res.headers.get('cache-control')).toBe('private, no-store')
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(photo)
    }
    const other = await h.request(`/api/photos/${sha256(photo)}`, { token: carol })
    expect(other.status).toBe(404)
    expect((await other.json() as { code: string }).code).toBe('photo_not_found')
    expect((await h.request(`/api/photos/${sha256(photo)}`)).status).toBe(401)
  })

  it('refuses a photo over the size cap with 413, storing nothing', async () => {
    const checkin = await pushedCheckin(alice)
    const big = fakeJpeg(MAX + 1)
    const res = await upload(alice, checkin, big)
    expect(res.status).toBe(413)
    const body = await res.json() as { code: string, error: string }
    expect(body.code).toBe('photo_too_large')
    expect(body.error).toContain('单张照片不能超过')
    expect(await h.store.query('select 1 from photos where hash = $1', [sha256(big)])).toEqual([])
  })

  it('refuses what would exceed the user\'s quota with 413, and still accepts a photo already stored', async () => {
    const checkin = await pushedCheckin(dave)
    const photos = [fakeJpeg(60_000), fakeJpeg(60_000), fakeJpeg(60_000)]
    expect((await upload(dave, checkin, photos[0]!)).status).toBe(201)
    expect((await upload(dave, checkin, photos[1]!, { position: 1 })).status).toBe(201)
    const over = await upload(dave, checkin, photos[2]!, { position: 2 })
    expect(over.status).toBe(413)
    expect(await over.json()).toMatchObject({ code: 'photo_quota_exceeded', quota: QUOTA })
    // Idempotent retries of what is already stored never run into the quota.
    expect((await upload(dave, checkin, photos[0]!)).status).toBe(200)
    // Another user's quota is their own.
    expect((await upload(carol, await pushedCheckin(carol), photos[2]!)).status).toBe(201)
  })

  it('refuses a wrong hash, a non-image, an unknown check-in and a tenth photo', async () => {
    const checkin = await pushedCheckin(bob)
    const photo = fakeJpeg(1000)
    const wrongHash = await upload(bob, checkin, photo, { hash: 'a'.repeat(64) })
    expect(wrongHash.status).toBe(400)
    expect((await wrongHash.json() as { code: string }).code).toBe('photo_hash_mismatch')
    const text = new Uint8Array(new TextEncoder().encode('not an image at all'))
    expect((await upload(bob, checkin, text)).status).toBe(415)
    expect((await upload(bob, checkin, photo, { type: 'text/plain' })).status).toBe(415)
    const unknown = await upload(bob, '01900000-0000-7000-8000-000000000000', photo)
    expect(unknown.status).toBe(409)
    expect((await unknown.json() as { code: string }).code).toBe('checkin_not_found')
    // Another user's check-in id is as unknown as one nobody used.
    expect((await upload(carol, checkin, photo)).status).toBe(409)
    for (let i = 0; i < 9; i++)
      expect((await upload(bob, checkin, fakeJpeg(500), { position: i })).status).toBe(201)
    const tenth = await upload(bob, checkin, fakeJpeg(500), { position: 8 })
    expect(tenth.status).toBe(409)
    expect((await tenth.json() as { code: string }).code).toBe('too_many_photos')
  })

  it('refuses a malformed hash or query with 400', async () => {
    const checkin = await pushedCheckin(bob)
    expect((await upload(bob, checkin, fakeJpeg(100), { hash: 'ABC' })).status).toBe(400)
    expect((await upload(bob, 'nope', fakeJpeg(100))).status).toBe(400)
    expect((await h.request('/api/photos/xyz', { token: bob })).status).toBe(400)
  })
})
