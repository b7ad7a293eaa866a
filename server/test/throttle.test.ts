import type { RunningServer } from '../server'
import type { Harness } from './harness'
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addressKey, DEFAULT_LOGIN_THROTTLE } from '../auth/login-throttle'
import { createHarness, PASSWORD } from './harness'
import { listenInRange } from './listen'
import { storeFactories } from './stores'

interface Answer { status: number, retryAfter: string | undefined, body: { error?: string, token?: string } }

/** POST /api/auth/login from a chosen loopback source address (with an X-Forwarded-For, as a proxy would add). */
function loginFrom(server: RunningServer, localAddress: string, name: string, password: string, forwardedFor?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ name, password })
    const forwarded: Record<string, string> = forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}
    const req = request(`${server.url}/api/auth/login`, { method: 'POST', localAddress, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...forwarded } }, (res) => {
      let text = ''
      res.on('data', (chunk) => {
        text += chunk
      })
      res.on('end', () => resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'], body: JSON.parse(text) }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

describe('throttle keys', () => {
  it('counts IPv4 as is and IPv6 by its /64', () => {
    expect(addressKey('127.0.0.7')).toBe('127.0.0.7')
    expect(addressKey('::ffff:10.1.2.3')).toBe('10.1.2.3')
    expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe(addressKey('2001:db8:1:2:ffff::1'))
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(addressKey('2001:db8:0:1::1')).not.toBe(addressKey('2001:db8::1'))
  })
})

describe.each(storeFactories)('sign-in throttling on $name', (factory) => {
  let h: Harness
  let server: RunningServer
  let now = Date.now()

  beforeAll(async () => {
    h = await createHarness(factory)
    await h.addAndLogin('victim', '长沙市政务局')
    await h.addAndLogin('bystander', '长沙市政务局')
    // The default per-account limit; a lower per-address one than the default 20, to keep the test short.
    server = await listenInRange(h.store, 8787, 8799, undefined, { loginThrottle: { perAddress: 8, now: () => now } })
  }, 60_000)
  // Closing the server closes the store too.
  afterAll(() => server?.close())

  it('holds an account at 5 failures a minute across 40 source addresses, then lets its user in after Retry-After', async () => {
    const answers: Answer[] = []
    for (let i = 0; i < 80; i++)
      answers.push(await loginFrom(server, `127.0.0.${2 + (i % 40)}`, 'victim', `guess number ${i}`))
    expect(answers.slice(0, 5).map(a => a.status)).toEqual([401, 401, 401, 401, 401])
    expect(new Set(answers.slice(5).map(a => a.status))).toEqual(new Set([429]))
    const wait = Number(answers.at(-1)!.retryAfter)
    expect(wait).toBeGreaterThan(0)
    expect(wait).toBeLessThanOrEqual(60)
    expect(answers.at(-1)!.body.error).toMatch(/too many failed sign-ins/)

    // The real user, from an address of their own, waits too, then gets in.
    const early = await loginFrom(server, '127.0.0.200', 'victim', PASSWORD)
    expect(early.status).toBe(429)
    // Other accounts are not held.
    expect((await loginFrom(server, '127.0.0.2', 'bystander', PASSWORD)).status).toBe(200)
    now += Number(early.retryAfter) * 1000
    const after = await loginFrom(server, '127.0.0.200', 'victim', PASSWORD)
    expect(after.status).toBe(200)
    expect(after.body.token).toBeTruthy()
    now += 61_000
  })

  it('holds an address at its limit whatever the names, and unknown names like real ones', async () => {
    expect(DEFAULT_LOGIN_THROTTLE).toEqual({ perAccount: 5, perAddress: 20, windowMs: 60_000 })
    const statuses: number[] = []
    for (let i = 0; i < 10; i++)
      statuses.push((await loginFrom(server, '127.0.1.1', `nobody-${i}`, 'wrong password 0')).status)
    expect(statuses).toEqual([...Array.from({ length: 8 }, () => 401), 429, 429])
    // A name that does not exist is held after 5 failures, as an account would be.
    const ghost: number[] = []
    for (let i = 0; i < 7; i++)
      ghost.push((await loginFrom(server, `127.0.2.${i + 1}`, 'ghost', `wrong password ${i}`)).status)
    expect(ghost).toEqual([401, 401, 401, 401, 401, 429, 429])
    now += 61_000
  })

  it('lets exactly 5 of a burst of parallel guesses at one account be tried', async () => {
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => loginFrom(server, `127.0.3.${i + 1}`, 'bystander', `parallel guess ${i}`)))
    expect(burst.filter(a => a.status === 401)).toHaveLength(5)
    expect(burst.filter(a => a.status === 429)).toHaveLength(25)
    now += 61_000
  })

  it('forgets attempts older than the window', async () => {
    await loginFrom(server, '127.0.4.1', 'victim', 'one more wrong one')
    const old = await h.store.query<{ n: number }>('select count(*)::int as n from login_attempts where at <= $1', [new Date(now - 60_000).toISOString()])
    expect(old[0]!.n).toBe(0)
    // Only hashes are kept, never what was typed.
    const keys = await h.store.query<{ key_hash: string }>('select key_hash from login_attempts')
    expect(keys.every(k => /^[\w-]{43}$/.test(k.key_hash))).toBe(true)
  })
})

describe('sign-in throttling behind a trusted proxy (TRUST_PROXY)', () => {
  let h: Harness
  let server: RunningServer

  beforeAll(async () => {
    h = await createHarness(storeFactories[0]!)
    await h.addAndLogin('behind', '长沙市政务局')
    // 127.0.0.1 plays the proxy; every other loopback address is a client that talks to the server directly.
    server = await listenInRange(h.store, 8787, 8799, undefined, { loginThrottle: { perAddress: 3, perAccount: 100 }, trustedProxies: new Set(['127.0.0.1']) })
  }, 60_000)
  afterAll(() => server?.close())

  it('counts the client the proxy names, not the proxy; a direct client cannot pick its address', async () => {
    const viaProxy = async (client: string, i: number) => (await loginFrom(server, '127.0.0.1', `name-${i}`, 'wrong password 0', client)).status
    // Client A through the proxy reaches its limit; client B through the same proxy is not held with it.
    expect([await viaProxy('198.51.100.1', 1), await viaProxy('198.51.100.1', 2), await viaProxy('198.51.100.1', 3), await viaProxy('198.51.100.1', 4)]).toEqual([401, 401, 401, 429])
    expect(await viaProxy('198.51.100.2', 5)).toBe(401)
    // A client's own X-Forwarded-For, left of what the proxy appended, does not free it.
    expect(await viaProxy('6.6.6.6, 198.51.100.1', 6)).toBe(429)
    // Straight to the server, the header is ignored: the socket's address is counted.
    const direct: number[] = []
    for (let i = 0; i < 4; i++)
      direct.push((await loginFrom(server, '127.0.0.9', `direct-${i}`, 'wrong password 0', `203.0.113.${i}`)).status)
    expect(direct).toEqual([401, 401, 401, 429])
  })
})
