import type { Store } from '../store/store'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app'
import { SECURITY_HEADERS } from '../http/security-headers'
import { migrate } from '../store/migrate'
import { storeFactories } from './stores'

describe('static PWA and headers', () => {
  let dist: string
  let store: Store
  let app: ReturnType<typeof createApp>

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'ydt-dist-'))
    mkdirSync(join(dist, 'assets'))
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>要点通</title>')
    writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("install", () => {})')
    writeFileSync(join(dist, 'assets', 'index-Ab12Cd34.js'), 'console.log(1)')
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
    store = await storeFactories[0]!.open()
    await migrate(store)
    app = createApp({ store, logger: pino({ level: 'silent' }), distDir: dist })
  }, 60_000)
  afterAll(async () => {
    await store?.close()
    rmSync(dist, { recursive: true, force: true })
  })

  it('caches hashed assets for good and revalidates index.html and sw.js', async () => {
    const asset = await app.request('/assets/index-Ab12Cd34.js')
    expect(asset.status).toBe(200)
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    for (const path of ['/', '/index.html', '/sw.js']) {
      const res = await app.request(path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('cache-control'), path).toBe('no-cache')
    }
  })

  it('falls back to index.html for app routes but not for /api or missing files', async () => {
    const route = await app.request('/theme/zwgk?x=1')
    expect(route.status).toBe(200)
    expect(await route.text()).toContain('要点通')
    expect(route.headers.get('cache-control')).toBe('no-cache')
    const api = await app.request('/api/nope')
    expect(api.status).toBe(404)
    expect(await api.json()).toEqual({ error: 'no such API route' })
    expect((await app.request('/assets/missing-123.js')).status).toBe(404)
    expect((await app.request('/theme', { method: 'POST' })).status).toBe(404)
  })

  it('sends the security headers on every response, errors included', async () => {
    const responses = await Promise.all([
      app.request('/'),
      app.request('/assets/index-Ab12Cd34.js'),
      app.request('/api/health'),
      app.request('/api/nope'),
      app.request('/api/auth/me'),
      app.request('/api/sync/push', { method: 'POST', body: 'x' }),
    ])
    expect(responses.map(r => r.status)).toEqual([200, 200, 200, 404, 401, 401])
    for (const res of responses) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(res.headers.get(name)).toBe(value)
    }
    const csp = SECURITY_HEADERS['Content-Security-Policy']!
    for (const directive of ['default-src \'self\'', 'script-src \'self\'', 'style-src \'self\' \'unsafe-inline\'', 'img-src \'self\' data: blob:', 'worker-src \'self\'', 'manifest-src \'self\'', 'frame-ancestors \'none\''])
      expect(csp).toContain(directive)
  })
})
