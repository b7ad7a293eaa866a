import type { Harness } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSessionCache } from '../auth/session-cache'
import { hashToken, TOKEN_TTL_MS } from '../auth/tokens'
import { createSession, revokeSession } from '../storage/sessions'
import { checkinMutation, favoriteMutation } from './fixtures'
import { createHarness, PASSWORD } from './harness'
import { storeFactories } from './stores'

describe.each(storeFactories)('auth and authorization on $name', (factory) => {
  let h: Harness
  let a: { token: string, id: string }
  let b: { token: string, id: string }

  beforeAll(async () => {
    h = await createHarness(factory)
    const ua = await h.addAndLogin('甲', '长沙市政务局')
    const ub = await h.addAndLogin('乙', '娄底市政务局')
    a = { token: ua.token, id: ua.user.id }
    b = { token: ub.token, id: ub.user.id }
  }, 60_000)
  afterAll(() => h?.close())

  it('signs in with a 32-byte token that is stored only as its sha256', async () => {
    expect(Buffer.from(a.token, 'base64url')).toHaveLength(32)
    const rows = await h.store.query<{ token_hash: string }>('select token_hash from sessions where user_id = $1', [a.id])
    expect(rows.map(r => r.token_hash)).toContain(hashToken(a.token))
    expect(rows.map(r => r.token_hash)).not.toContain(a.token)
    const me = await h.request('/api/auth/me', { token: a.token })
    expect(await me.json()).toEqual({ name: '甲', unit: '长沙市政务局', admin: false })
  })

  it('refuses a wrong password and an unknown name alike', async () => {
    for (const json of [{ name: '甲', password: 'wrong password' }, { name: '无此人', password: PASSWORD }]) {
      const res = await h.request('/api/auth/login', { method: 'POST', json })
      expect(res.status).toBe(401)
      expect(await res.json()).toEqual({ error: 'wrong name or password' })
    }
  })

  it('limits sign-in attempts per name with 429 and Retry-After', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 7; i++)
      statuses.push((await h.request('/api/auth/login', { method: 'POST', json: { name: 'guess', password: `p${i}` } })).status)
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401])
    const limited = await h.request('/api/auth/login', { method: 'POST', json: { name: 'guess', password: 'x' } })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    // Another name from the same client is not blocked.
    expect((await h.request('/api/auth/login', { method: 'POST', json: { name: '乙', password: PASSWORD } })).status).toBe(200)
  })

  it('answers 401 to missing, malformed, expired and revoked tokens', async () => {
    const expired = await createSession(h.store, a.id, new Date(Date.now() - 31 * 24 * 3600 * 1000))
    const login = await h.request('/api/auth/login', { method: 'POST', json: { name: '甲', password: PASSWORD } })
    const revoked = (await login.json()).token as string
    expect((await h.request('/api/auth/logout', { method: 'POST', token: revoked })).status).toBe(200)
    for (const token of [undefined, 'not-a-token', expired.token, revoked, b.token.replace(/^./, c => (c === 'A' ? 'B' : 'A'))]) {
      for (const [path, method] of [['/api/auth/me', 'GET'], ['/api/sync/pull', 'GET'], ['/api/sync/push', 'POST']] as const) {
        const res = await h.request(path, { method, token, json: method === 'POST' ? { mutations: [] } : undefined })
        expect(res.status, `${path} with ${token}`).toBe(401)
        expect(res.headers.get('www-authenticate')).toBe('Bearer')
      }
    }
    // Signing out one session leaves the others alone.
    expect((await h.request('/api/auth/me', { token: a.token })).status).toBe(200)
  })

  it('never lets A read or write B\'s check-ins or favorites, whatever ids A sends', async () => {
    const bCheckin = checkinMutation({ note: '乙的记录' })
    const bFavorite = favoriteMutation({ pointId: 'test-plan-4', on: true })
    await h.push(b.token, [bCheckin, bFavorite])
    const bCheckinId = bCheckin.kind === 'checkin.create' ? bCheckin.checkin.id : ''

    // Writes: B's check-in id, B's mutation id, a user id smuggled into the body.
    const sneaky = await h.request('/api/sync/push', {
      method: 'POST',
      token: a.token,
      json: {
        userId: b.id,
        user: '乙',
        mutations: [
          { ...checkinMutation({ id: bCheckinId, note: '甲改的' }), userId: b.id },
          { ...bFavorite, favorite: { ...(bFavorite.kind === 'favorite.set' ? bFavorite.favorite : undefined!), on: false } },
          { ...favoriteMutation({ pointId: 'test-plan-4', on: false, updatedAt: '2099-01-01T00:00:00.000Z' }), userId: b.id },
        ],
      },
    })
    const { results } = await sneaky.json()
    // Ids are per user: B's ids are free for A, and every write lands as A's own.
    expect(results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'accepted', 'accepted'])

    const bView = await h.pullAll(b.token)
    expect(bView.checkins.filter(c => c.id === bCheckinId)).toEqual([expect.objectContaining({ note: '乙的记录', author: '乙', mine: true })])
    expect(bView.favorites).toEqual([expect.objectContaining({ pointId: 'test-plan-4', on: true })])

    // Reads: A's pulls, from any cursor or with query parameters naming B, show none of B's data.
    for (const query of ['', `?user=${b.id}`, `?userId=${b.id}&cursor=`, '?cursor=djE6MA']) {
      const res = await h.request(`/api/sync/pull${query}`, { token: a.token })
      expect(res.status).toBe(200)
      const page = await res.json()
      expect(JSON.stringify(page)).not.toContain('乙')
      expect(page.favorites).toEqual([expect.objectContaining({ pointId: 'test-plan-4', on: false })])
    }
  })

  it('forgets a token signed out here at once, and one revoked elsewhere after its TTL', async () => {
    let now = Date.now()
    const cache = createSessionCache(h.store, { ttlMs: 10_000, now: () => now })
    const here = await createSession(h.store, a.id)
    const elsewhere = await createSession(h.store, a.id)
    expect((await cache.userFor(here.token))?.name).toBe('甲')
    expect((await cache.userFor(elsewhere.token))?.name).toBe('甲')
    await cache.revoke(here.token)
    expect(await cache.userFor(here.token)).toBeUndefined()
    // Another server process revokes it: this one still trusts its cache for up to the TTL.
    await revokeSession(h.store, elsewhere.token)
    now += 10_001
    expect(await cache.userFor(elsewhere.token)).toBeUndefined()
  })

  it('never serves a cached session past its expiry', async () => {
    const cache = createSessionCache(h.store, { ttlMs: 60_000 })
    const almost = await createSession(h.store, a.id, new Date(Date.now() - TOKEN_TTL_MS + 1_000))
    expect(await cache.userFor(almost.token)).toBeDefined()
    await new Promise(resolve => setTimeout(resolve, 1_100))
    expect(await cache.userFor(almost.token)).toBeUndefined()
  })
})
