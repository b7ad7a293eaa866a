import type { Store } from '../store/store'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app'
import { API_HEADERS, SECURITY_HEADERS, WORKER_HEADERS } from '../http/security-headers'
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
    writeFileSync(join(dist, 'assets', 'search-worker-Ab12Cd34.js'), 'onmessage = () => {}')
    writeFileSync(join(dist, 'assets', 'index-Ab12Cd34.css'), 'body{margin:0}')
    writeFileSync(join(dist, 'assets', 'data-Ab12Cd34.json'), '{}')
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
    expect(asset.headers.get('cache-control')).toBe('max-age=31536000, immutable')
    for (const path of ['/', '/index.html', '/sw.js']) {
      const res = await app.request(path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('cache-control'), path).toBe('no-cache')
      // Revalidation costs no body: the tag the file was sent with gets a 304.
      const tag = res.headers.get('etag')
      expect(tag, path).toMatch(/^"[^"]+"$/)
      const again = await app.request(path, { headers: { 'If-None-Match': tag! } })
      expect(again.status, path).toBe(304)
      expect(await again.text(), path).toBe('')
      expect(again.headers.get('cache-control'), path).toBe('no-cache')
      expect((await app.request(path, { headers: { 'If-None-Match': '"other"' } })).status, path).toBe(200)
    }
    // A hashed script's validator is its name's hash (a new service worker revalidates the scripts it imports).
    expect(asset.headers.get('etag')).toBe('"Ab12Cd34"')
    const again = await app.request('/assets/index-Ab12Cd34.js', { headers: { 'If-None-Match': '"Ab12Cd34"' } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('cache-control')).toBe('max-age=31536000, immutable')
    expect(asset.headers.get('last-modified')).toBeNull()
    // A 304 carries no type: its headers follow the file's, a script's nosniff alone, the shell's the full set.
    expect(again.headers.get('x-content-type-options')).toBe('nosniff')
    expect(again.headers.get('content-security-policy')).toBeNull()
    const shell = await app.request('/')
    const shell304 = await app.request('/', { headers: { 'If-None-Match': shell.headers.get('etag')! } })
    expect(shell304.status).toBe(304)
    expect(shell304.headers.get('content-security-policy')).toBe(shell.headers.get('content-security-policy'))
    const sw304 = await app.request('/sw.js', { headers: { 'If-None-Match': (await app.request('/sw.js')).headers.get('etag')! } })
    expect(sw304.headers.get('content-security-policy')).toBe(WORKER_HEADERS['Content-Security-Policy'])
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

  it('sends the security headers on every document, worker and API response, errors included', async () => {
    const cases = [
      ['/', SECURITY_HEADERS, 200],
      ['/deck', SECURITY_HEADERS, 200],
      ['/favicon.svg', SECURITY_HEADERS, 200],
      ['/assets/missing-123.js', SECURITY_HEADERS, 404],
      ['/sw.js', WORKER_HEADERS, 200],
      ['/assets/search-worker-Ab12Cd34.js', WORKER_HEADERS, 200],
      ['/api/health', API_HEADERS, 200],
      ['/api/nope', API_HEADERS, 404],
      ['/api/auth/me', API_HEADERS, 401],
      ['/api/sync/push', API_HEADERS, 401],
    ] as const
    const responses = await Promise.all(cases.map(([path]) => app.request(path, path === '/api/sync/push' ? { method: 'POST', body: 'x' } : {})))
    expect(responses.map(r => r.status)).toEqual(cases.map(([, , status]) => status))
    responses.forEach((res, i) => {
      const [path, expected] = cases[i]!
      for (const name of Object.keys(SECURITY_HEADERS))
        expect(res.headers.get(name), `${path} ${name}`).toBe(expected[name] ?? null)
    })
    // An API answer opened on its own loads nothing and cannot be framed; a worker keeps the page's policy.
    expect(API_HEADERS['Content-Security-Policy']).toBe('default-src \'none\'; frame-ancestors \'none\'')
    expect(WORKER_HEADERS['Content-Security-Policy']).toBe(SECURITY_HEADERS['Content-Security-Policy'])
  })

  it('sends nosniff alone with what only a page reads, and no date with hashed files', async () => {
    for (const path of ['/assets/index-Ab12Cd34.js', '/assets/index-Ab12Cd34.css', '/assets/data-Ab12Cd34.json']) {
      const res = await app.request(path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
      for (const name of Object.keys(SECURITY_HEADERS).filter(n => n !== 'X-Content-Type-Options'))
        expect(res.headers.get(name), `${path} ${name}`).toBeNull()
      expect(res.headers.get('last-modified'), path).toBeNull()
    }
    // Unhashed files keep their date, so they can be revalidated.
    expect((await app.request('/sw.js')).headers.get('last-modified')).not.toBeNull()
  })

  it('has a policy that fits the PWA', () => {
    const csp = SECURITY_HEADERS['Content-Security-Policy']!
    for (const directive of ['default-src \'self\'', 'script-src \'self\'', 'style-src \'self\' \'unsafe-inline\'', 'img-src \'self\' data: blob:', 'worker-src \'self\'', 'manifest-src \'self\'', 'frame-ancestors \'none\''])
      expect(csp).toContain(directive)
  })
})
