import type { Harness } from './harness'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app'
import { createInflightTracker } from '../http/inflight'
import { createHarness } from './harness'
import { storeFactories } from './stores'

describe.each(storeFactories)('health checks on $name', (factory) => {
  let h: Harness
  const inflight = createInflightTracker()

  beforeAll(async () => {
    h = await createHarness(factory, { inflight })
  })
  afterAll(() => h?.close().catch(() => {}))

  it('live says the process is up, with its pid; ready and the old check see the store', async () => {
    const live = await h.request('/api/health/live')
    expect(live.status).toBe(200)
    expect(await live.json()).toMatchObject({ ok: true, pid: process.pid })
    const ready = await h.request('/api/health/ready')
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ ok: true, pid: process.pid, store: factory.name })
    expect(await (await h.request('/api/health')).json()).toEqual({ ok: true, store: factory.name })
  })

  it('ready is 503 while shutting down; live still answers', async () => {
    await inflight.drain()
    const ready = await h.request('/api/health/ready')
    expect(ready.status).toBe(503)
    expect(await ready.json()).toEqual({ ok: false, pid: process.pid, reason: 'shutting down' })
    expect((await h.request('/api/health/live')).status).toBe(200)
    expect((await h.request('/api/plans')).status).toBe(503)
  })

  it('ready is 503 with a reason once the store is closed; live does not touch it', async () => {
    await h.close()
    // A fresh app over the closed store: the harness's own tracker is draining since the test before.
    const app = createApp({ store: h.store, logger: pino({ level: 'silent' }) })
    const ready = await app.request('/api/health/ready')
    expect(ready.status).toBe(503)
    expect(await ready.json()).toEqual({ ok: false, pid: process.pid, store: factory.name, reason: 'store unavailable' })
    expect((await app.request('/api/health/live')).status).toBe(200)
    expect((await app.request('/api/health')).status).toBe(500)
  })
})
