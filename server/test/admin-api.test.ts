import type { Harness } from './harness'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashToken } from '../auth/tokens'
import { setAccountDisabled } from '../storage/accounts'
import { checkinMutation } from './fixtures'
import { createHarness, PASSWORD } from './harness'
import { storeFactories } from './stores'

const CONTROL = 'control-token-for-the-admin-api-tests-0123456789'
const NEW_PASSWORD = 'a fresh password 7'

describe.each(storeFactories)('account admin API on $name', (factory) => {
  let h: Harness
  let admin: string
  let clerk: string
  let ip = '127.0.0.1'

  const login = async (name: string, password = PASSWORD) => h.request('/api/auth/login', { method: 'POST', json: { name, password } })
  const tokenOf = async (name: string, password = PASSWORD) => (await (await login(name, password)).json()).token as string
  const asAdmin = (path: string, init: RequestInit & { json?: unknown } = {}) => h.request(`/api/admin/users${path}`, { ...init, token: admin })
  const me = async (token: string) => (await h.request('/api/auth/me', { token })).status

  beforeAll(async () => {
    h = await createHarness(factory, { controlToken: CONTROL, clientIp: () => ip })
    admin = (await h.addAndLogin('管理员', '省政务局', true)).token
    clerk = (await h.addAndLogin('办事员', '长沙市政务局')).token
  }, 60_000)
  afterAll(() => h?.close())

  it('is for admins and the local control token only', async () => {
    expect((await h.request('/api/admin/users')).status).toBe(401)
    expect((await h.request('/api/admin/users', { token: clerk })).status).toBe(403)
    const listed = await asAdmin('')
    expect(listed.status).toBe(200)
    expect((await listed.json()).users).toEqual([
      { name: '办事员', unit: '长沙市政务局', admin: false, disabled: false, createdAt: expect.any(String), checkins: 0, activeSessions: 1 },
      { name: '管理员', unit: '省政务局', admin: true, disabled: false, createdAt: expect.any(String), checkins: 0, activeSessions: 1 },
    ])
    for (const from of ['127.0.0.1', '127.3.2.1', '::1', '::ffff:127.0.0.5']) {
      ip = from
      expect((await h.request('/api/admin/users', { token: CONTROL })).status, from).toBe(200)
    }
    for (const from of ['10.0.0.7', '::ffff:192.168.1.2', '2001:db8::1', 'local']) {
      ip = from
      const res = await h.request('/api/admin/users', { token: CONTROL })
      expect(res.status, from).toBe(403)
      expect((await res.json()).error).toMatch(/only accepted from this machine/)
    }
    ip = '127.0.0.1'
    // The control token is no session: it opens the admin routes only.
    expect(await me(CONTROL)).toBe(401)
  })

  it('adds accounts under the naming rules and the password policy', async () => {
    const refused = [
      [{ name: '张三', unit: '长沙市', password: 'short1' }, /password: 密码至少需要 10 个字符/],
      [{ name: '张三', unit: '长沙市', password: '1234567890' }, /password: 密码不能是连续/],
      [{ name: '张三', unit: '长沙市', password: 'password123' }, /password: 这是最常见的密码之一/],
      [{ name: '张三', unit: '长沙市', password: 'x'.repeat(257) }, /password: 密码不能超过 256 个字符/],
      [{ name: 'zhangsan', unit: '长沙市', password: 'zhangsan12' }, /password: 密码不能只是用户名/],
      [{ name: '本机', unit: '长沙市', password: NEW_PASSWORD }, /name: "本机" is reserved/],
      [{ name: '张\u0000三', unit: '长沙市', password: NEW_PASSWORD }, /name: contains a NUL/],
      [{ name: '张三', unit: '\uD800', password: NEW_PASSWORD }, /unit: contains a NUL character or a lone/],
      [{ name: '张三', unit: '长沙市', password: `${NEW_PASSWORD}\u0000` }, /password: 密码不能含有空字符/],
    ] as const
    for (const [json, message] of refused) {
      const res = await asAdmin('', { method: 'POST', json })
      expect(res.status, JSON.stringify(json)).toBe(400)
      expect((await res.json()).error).toMatch(message)
    }
    const created = await asAdmin('', { method: 'POST', json: { name: ' 张三 ', unit: '长沙市', password: NEW_PASSWORD } })
    expect(created.status).toBe(201)
    expect((await created.json()).user).toMatchObject({ name: '张三', unit: '长沙市', admin: false, disabled: false })
    const again = await asAdmin('', { method: 'POST', json: { name: '张三', unit: '别处', password: NEW_PASSWORD } })
    expect(again.status).toBe(409)
    // The longest password accepted at creation signs in too.
    const longest = randomBytes(192).toString('base64')
    expect(longest).toHaveLength(256)
    expect((await asAdmin('', { method: 'POST', json: { name: 'long', unit: '长沙市', password: longest } })).status).toBe(201)
    expect((await login('long', longest)).status).toBe(200)
  })

  it('changes unit and role at once for tokens in use', async () => {
    const token = await tokenOf('张三', NEW_PASSWORD)
    expect((await asAdmin('/张三', { method: 'PATCH', json: {} })).status).toBe(400)
    const res = await asAdmin(`/${encodeURIComponent('张三')}`, { method: 'PATCH', json: { unit: '娄底市', admin: true } })
    expect(res.status).toBe(200)
    expect(await (await h.request('/api/auth/me', { token })).json()).toEqual({ name: '张三', unit: '娄底市', admin: true })
    expect((await asAdmin('/nobody', { method: 'PATCH', json: { admin: false } })).status).toBe(404)
    await asAdmin('/张三', { method: 'PATCH', json: { admin: false } })
  })

  it('disables an account: its tokens get 401 at once, sign-in 403 after a right password, 401 after a wrong one', async () => {
    const token = await tokenOf('张三', NEW_PASSWORD)
    expect((await h.push(token, [checkinMutation()])).results[0]!.status).toBe('accepted')
    const res = await asAdmin('/张三/disable', { method: 'POST' })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ user: { name: '张三', disabled: true, checkins: 1, activeSessions: 0 }, revokedSessions: 2 })
    expect(await me(token)).toBe(401)
    const push = await h.request('/api/sync/push', { method: 'POST', token, json: { mutations: [checkinMutation()] } })
    expect(push.status).toBe(401)
    const right = await login('张三', NEW_PASSWORD)
    expect(right.status).toBe(403)
    expect((await right.json()).error).toMatch(/disabled.*停用/)
    expect((await login('张三', 'wrong password 1')).status).toBe(401)

    expect((await asAdmin('/张三/enable', { method: 'POST' })).status).toBe(200)
    // Its old tokens stay revoked; a new sign-in works.
    expect(await me(token)).toBe(401)
    expect(await me(await tokenOf('张三', NEW_PASSWORD))).toBe(200)
  })

  it('resets a password and revokes the sessions that the old one opened', async () => {
    const token = await tokenOf('张三', NEW_PASSWORD)
    expect((await asAdmin('/张三/password', { method: 'PUT', json: { password: 'aaaaaaaaaaaa' } })).status).toBe(400)
    const res = await asAdmin('/张三/password', { method: 'PUT', json: { password: 'another password 3' } })
    expect(res.status).toBe(200)
    expect((await res.json()).revokedSessions).toBeGreaterThan(0)
    expect(await me(token)).toBe(401)
    expect((await login('张三', NEW_PASSWORD)).status).toBe(401)
    expect((await login('张三', 'another password 3')).status).toBe(200)
  })

  it('lists sessions under opaque ids and revokes one or all', async () => {
    const kept = await tokenOf('办事员')
    const dropped = await tokenOf('办事员')
    const res = await asAdmin('/办事员/sessions')
    const { sessions } = await res.json() as { sessions: { id: string, state: string }[] }
    expect(sessions.length).toBeGreaterThanOrEqual(3)
    expect(sessions.every(s => /^[0-9a-f-]{36}$/.test(s.id) && s.state === 'active')).toBe(true)
    const hashes = [clerk, kept, dropped].map(hashToken)
    expect(JSON.stringify(sessions)).not.toMatch(new RegExp(hashes.join('|')))
    const rows = await h.store.query<{ id: string }>('select id::text as id from sessions where token_hash = $1', [hashToken(dropped)])
    expect((await asAdmin(`/办事员/sessions/${rows[0]!.id}`, { method: 'DELETE' })).status).toBe(200)
    expect(await me(dropped)).toBe(401)
    expect(await me(kept)).toBe(200)
    // Revoked already, someone else's, or not an id at all.
    expect((await asAdmin(`/办事员/sessions/${rows[0]!.id}`, { method: 'DELETE' })).status).toBe(404)
    expect((await asAdmin(`/管理员/sessions/${rows[0]!.id}`, { method: 'DELETE' })).status).toBe(404)
    expect((await asAdmin('/办事员/sessions/not-an-id', { method: 'DELETE' })).status).toBe(400)
    const all = await asAdmin('/办事员/sessions', { method: 'DELETE' })
    expect((await all.json()).revoked).toBeGreaterThanOrEqual(2)
    expect(await me(kept)).toBe(401)
    expect(await me(clerk)).toBe(401)
    const listed = (await (await asAdmin('/办事员/sessions')).json()).sessions as { state: string, revokedAt: string | null }[]
    expect(listed.every(s => s.state === 'revoked' && s.revokedAt)).toBe(true)
  })

  it('removes an account with its check-ins only when told so', async () => {
    const res = await asAdmin('/张三', { method: 'DELETE' })
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({ checkins: 1, error: expect.stringMatching(/1 check-ins/) })
    const token = await tokenOf('张三', 'another password 3')
    const removed = await asAdmin('/张三?withCheckins=1', { method: 'DELETE' })
    expect(await removed.json()).toEqual({ name: '张三', removed: true, checkins: 1 })
    expect(await me(token)).toBe(401)
    expect((await h.request('/api/sync/push', { method: 'POST', token, json: { mutations: [] } })).status).toBe(401)
    expect((await asAdmin('/张三', { method: 'DELETE' })).status).toBe(404)
    expect((await asAdmin('/long', { method: 'DELETE' })).status).toBe(200)
    expect((await asAdmin(`/${encodeURIComponent('a\u0000b')}`, { method: 'DELETE' })).status).toBe(400)
  })
})

// PostgreSQL only: there another process (a second server, `npm run user`) may change the store directly. On
// PGlite this process is the only writer, so every change goes through the API above.
describe.each(storeFactories.filter(f => f.name === 'postgres'))('sessions on $name, changed by another process', (factory) => {
  let h: Harness
  beforeAll(async () => {
    h = await createHarness(factory)
  }, 60_000)
  afterAll(() => h?.close())

  it('sees a change another process made to the store at once (no session cache)', async () => {
    const { token } = await h.addAndLogin('管理员', '省政务局', true)
    const me = async () => (await h.request('/api/auth/me', { token })).status
    expect(await me()).toBe(200)
    // As `npm run user -- disable` does beside a running server on PostgreSQL.
    await setAccountDisabled(h.store, '管理员', true)
    expect(await me()).toBe(401)
    // Enabling again does not bring back the tokens disabling revoked (a lost phone stays signed out).
    await setAccountDisabled(h.store, '管理员', false)
    expect(await me()).toBe(401)
  })
})
