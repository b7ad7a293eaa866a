import type { RunningServer } from '../server'
import type { Harness } from './harness'
import { request as httpRequest } from 'node:http'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PushRequestSchema } from '../../src/domain/sync-api'
import { checkinMutation, favoriteMutation, makePlan } from './fixtures'
import { createHarness } from './harness'
import { listenInRange } from './listen'
import { storeFactories } from './stores'

const MiB = 1024 * 1024

/** A valid mutation with one field, at any depth, replaced by something else. */
const brokenMutation = fc.tuple(
  fc.constantFrom(checkinMutation(), favoriteMutation()),
  fc.constantFrom('id', 'kind', 'checkin', 'favorite', 'checkin.id', 'checkin.pointId', 'checkin.status', 'checkin.progress', 'checkin.note', 'checkin.createdAt', 'checkin.deviceId', 'favorite.on', 'favorite.updatedAt', 'favorite.pointId'),
  fc.oneof(
    fc.anything(),
    fc.string({ minLength: 3000, maxLength: 20_000 }),
    fc.constantFrom('checkin.delete', 'favorite.toggle', '', null, -1, 1e308, Number.NaN, [], {}),
  ),
).map(([base, path, value]) => {
  const copy = structuredClone(base) as Record<string, any>
  const keys = path.split('.')
  let target = copy
  for (const key of keys.slice(0, -1))
    target = (target[key] ??= {})
  target[keys.at(-1)!] = value
  return copy
})

const deepNesting = fc.integer({ min: 1000, max: 50_000 }).map(depth => `{"mutations":${'['.repeat(depth)}${']'.repeat(depth)}}`)

const pushBody = fc.oneof(
  fc.anything().map(v => JSON.stringify({ mutations: v }) ?? 'undefined'),
  fc.anything().map(v => JSON.stringify(v) ?? 'undefined'),
  fc.array(brokenMutation, { minLength: 1, maxLength: 5 }).map(mutations => JSON.stringify({ mutations })),
  fc.string({ maxLength: 200 }),
  deepNesting,
  fc.constant(JSON.stringify({ mutations: Array.from({ length: 501 }, () => checkinMutation()) })),
)

describe.each(storeFactories)('bad input on $name', (factory) => {
  let h: Harness
  let token: string
  let admin: string
  let server: RunningServer

  beforeAll(async () => {
    h = await createHarness(factory)
    token = (await h.addAndLogin('fuzz', '测试单位')).token
    admin = (await h.addAndLogin('fuzz-admin', '测试单位', true)).token
    server = await listenInRange(h.store, 8787, 8799)
  }, 60_000)
  // Closing the server closes the store too.
  afterAll(() => server?.close())

  it('answers any malformed push body with a 4xx and a message, never a 5xx', async () => {
    await fc.assert(fc.asyncProperty(pushBody, async (body) => {
      const res = await h.request('/api/sync/push', { method: 'POST', token, body, headers: { 'Content-Type': 'application/json' } })
      const answer = await res.json() as { error?: string }
      let input: unknown
      try {
        input = JSON.parse(body)
      }
      catch {}
      // A 200 answers every mutation: stored, or refused by itself (unstorable text).
      if (res.status === 200)
        return PushRequestSchema.safeParse(input).success || (answer as { results?: unknown[] }).results?.length === (input as { mutations: unknown[] }).mutations.length
      return res.status >= 400 && res.status < 500 && typeof answer.error === 'string' && answer.error.length > 0
    }), { numRuns: 150 })
  }, 60_000)

  it('names the offending field', async () => {
    const m = checkinMutation()
    const body = { mutations: [m, { ...m, checkin: { ...(m.kind === 'checkin.create' ? m.checkin : {}), progress: 'lots' } }] }
    const res = await h.request('/api/sync/push', { method: 'POST', token, json: body })
    expect(res.status).toBe(400)
    expect((await res.json()).error).toContain('mutations.1.checkin.progress')
  })

  it('refuses timestamps PostgreSQL cannot store with a 400 naming the field', async () => {
    for (const createdAt of ['0000-01-01T00:00:00Z', '2026-01-01T00:00:00-23:59', '2026-01-01T00:00:00+16:00', '2026-02-30T00:00:00Z', '10000-01-01T00:00:00Z']) {
      const m = checkinMutation()
      const bad = { ...m, checkin: { ...(m.kind === 'checkin.create' ? m.checkin : {}), createdAt } }
      const res = await h.request('/api/sync/push', { method: 'POST', token, json: { mutations: [checkinMutation(), checkinMutation(), checkinMutation(), bad] } })
      expect(res.status, createdAt).toBe(400)
      expect((await res.json()).error).toMatch(/^invalid body: mutations\.3\.checkin\.createdAt: /)
    }
  })

  it('refuses unstorable text on every other route with a 4xx, never a 5xx', async () => {
    for (const json of [{ name: 'fu\u0000zz', password: 'correct horse 1' }, { name: 'fuzz', password: 'correct\u0000horse' }, { name: '\uD800', password: 'x' }, { name: 'fuzz', password: 'a\uDFFFb' }]) {
      const res = await h.request('/api/auth/login', { method: 'POST', json })
      expect(res.status, JSON.stringify(json)).toBe(400)
    }
    const plan = makePlan('nul-plan')
    const badPoint = structuredClone(plan)
    badPoint.sections[0]!.points[1]!.id = 'nul-plan-\u0000'
    const badTitle = { ...structuredClone(plan), title: '计划\uD800' }
    for (const body of [badPoint, badTitle, { version: 'x', plans: [badPoint], themes: [] }]) {
      const res = await h.request('/api/admin/plans', { method: 'PUT', token: admin, json: body })
      expect(res.status).toBe(400)
      expect((await res.json()).error).toMatch(/^invalid body: .*(?:id|title).*(?:NUL|surrogate|cannot be stored|Invalid)/)
    }
    const queries = ['/api/sync/pull?cursor=%00', '/api/sync/pull?cursor=%ED%A0%80', '/api/sync/pull?limit=%00', '/api/sync/pull?limit=1%00', '/api/sync/pull?x=%00&cursor=', '/api/sync/pull?cursor=%E4%B8']
    for (const path of queries) {
      const res = await h.request(path, { token })
      expect(res.status, path).toBeGreaterThanOrEqual(200)
      expect(res.status, path).toBeLessThan(500)
    }
    for (const path of ['/api/admin/users/%00', '/api/admin/users/%ED%A0%80/sessions', '/api/admin/users/a%00b', '/api/admin/users/%E4%B8', '/api/plans?%00=%00', '/api/health?%00']) {
      const res = await h.request(path, { token: admin })
      expect(res.status, path).toBeLessThan(500)
    }
  })

  it('answers 415 unless the body is declared as JSON', async () => {
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', 'json'),
      async (type) => {
        const headers: Record<string, string> = type ? { 'Content-Type': type } : {}
        const res = await h.request('/api/sync/push', { method: 'POST', token, headers, body: '{"mutations":[]}' })
        return res.status === 415 && /Content-Type/.test((await res.json()).error)
      },
    ), { numRuns: 12 })
  })

  /** Posts `chunks` over Node's keep-alive agent, as a real client would reuse its sockets. */
  function rawPost(path: string, chunks: Buffer[], headers: Record<string, string>, { keepOpen = false } = {}): Promise<{ status: number, body: string, connection?: string }> {
    return new Promise((resolve, reject) => {
      let answered = false
      const req = httpRequest(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Authorization': `Bearer ${token}`, ...headers } }, (res) => {
        answered = true
        let body = ''
        res.on('data', (chunk) => {
          body += chunk
        })
        res.on('end', () => {
          resolve({ status: res.statusCode!, body, connection: res.headers.connection })
          if (keepOpen)
            req.destroy()
        })
      })
      // The server may answer 413 and close before the whole body is sent; a reset
      // before any answer is a lost answer, which is what this test guards against.
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (!answered || (error.code !== 'EPIPE' && error.code !== 'ECONNRESET'))
          reject(error)
      })
      const write = (i: number): void => {
        if (i === chunks.length)
          return keepOpen ? undefined : void req.end()
        if (req.destroyed)
          return
        req.write(chunks[i], () => setImmediate(() => write(i + 1)))
      }
      write(0)
    })
  }

  it('refuses oversized bodies with 413, with or without Content-Length, and keeps serving', async () => {
    const big = Buffer.from(JSON.stringify({ mutations: [{ note: 'x'.repeat(2 * MiB) }] }))
    const declared = await rawPost('/api/sync/push', [big], { 'Content-Length': String(big.length) })
    expect(declared.status).toBe(413)
    // Chunked, no Content-Length: the limit must bite while the stream is read.
    const chunks = Array.from({ length: 40 }, () => Buffer.alloc(64 * 1024, 0x20))
    const chunked = await rawPost('/api/sync/push', chunks, { 'Transfer-Encoding': 'chunked' })
    expect(chunked.status).toBe(413)
    expect(JSON.parse(chunked.body).error).toMatch(/larger than/)
    // The rest of a moderately large body is read and dropped, so the socket stays
    // usable: a keep-alive client reusing it gets its next answer, never a reset.
    expect(chunked.connection).toBe('keep-alive')
    for (let i = 0; i < 20; i++)
      expect((await rawPost('/api/sync/push', chunks, { 'Transfer-Encoding': 'chunked' })).status).toBe(413)
    // A huge declared body is not read at all: answered at once, and the socket closes.
    const huge = await rawPost('/api/sync/push', [Buffer.alloc(64 * 1024, 0x20)], { 'Content-Length': String(64 * MiB) }, { keepOpen: true })
    expect(huge.status).toBe(413)
    expect(huge.connection).toBe('close')
    // A small chunked body still goes through.
    const small = await rawPost('/api/sync/push', [Buffer.from(JSON.stringify({ mutations: [checkinMutation()] }))], { 'Transfer-Encoding': 'chunked' })
    expect(small.status).toBe(200)
    const health = await fetch(`${server.url}/api/health`)
    expect(health.status).toBe(200)
  }, 30_000)

  it('survives a burst of malformed requests over the network', async () => {
    const bodies = fc.sample(pushBody, 40)
    const statuses = await Promise.all(bodies.map(async (body) => {
      const res = await fetch(`${server.url}/api/sync/push`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Authorization': `Bearer ${token}` }, body })
      await res.arrayBuffer()
      return res.status
    }))
    expect(statuses.every(s => s < 500)).toBe(true)
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
  }, 30_000)
})
