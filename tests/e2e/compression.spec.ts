import type { Raw } from './support/raw-get'
import type { SyncServer } from './support/sync-server'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compressibleFiles, staleCopies } from '../../scripts/precompress'
import { API_COMPRESS_THRESHOLD } from '../../server/http/compress-api'
import { DIST_A, e2ePort } from './support/env'
import { rawGet as get } from './support/raw-get'
import { PASSWORD, startSyncServer } from './support/sync-server'

// `npm start` (server/main.ts in its own process) over the e2e build: what a phone receives, byte for byte.
// No browser: node:http, which (unlike fetch) hands over the body exactly as sent.
const decode = (res: Raw) => (res.headers['content-encoding'] === 'br' ? brotliDecompressSync(res.body) : res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.body) : res.body)

describe('npm start serves the build compressed', () => {
  let server: SyncServer
  const built = (path: string) => readFileSync(join(DIST_A, path))
  const html = readFileSync(join(DIST_A, 'index.html'), 'utf8')
  // The app's module script (the tiny classic boot script before it is below the compression threshold).
  const js = /<script[^>]+type="module"[^>]+src="\/([^"]+\.js)"/.exec(html)?.[1] ?? /<script[^>]+src="\/([^"]+\.js)"[^>]+type="module"/.exec(html)![1]!
  const css = /<link[^>]+rel="stylesheet"[^>]+href="\/([^"]+\.css)"/.exec(html)?.[1] ?? /href="\/([^"]+\.css)"/.exec(html)![1]!
  const planData = `data/${readdirSync(join(DIST_A, 'data')).find(f => /^plan-data\.\w+\.json$/.test(f))!}`

  beforeAll(async () => {
    server = await startSyncServer(e2ePort(22), [{ name: 'gzip', unit: '长沙市政务服务中心' }])
  })
  afterAll(() => server?.dispose())

  it('built a brotli and a gzip copy of every compressible file that decode to it (sw.js included)', () => {
    const files = compressibleFiles(DIST_A)
    expect(files.map(f => f.slice(DIST_A.length + 1))).toEqual(expect.arrayContaining(['index.html', 'sw.js', js, css, planData]))
    for (const file of files)
      expect(staleCopies(file), file).toEqual([])
  })

  it('sends br to Chromium, gzip where br is not accepted and identity without Accept-Encoding, with Vary', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['/', 'index.html', /^text\/html/],
      ['/deck?kind=theme&id=x', 'index.html', /^text\/html/],
      ['/point/some-point', 'index.html', /^text\/html/],
      [`/${js}`, js, /^text\/javascript/],
      [`/${css}`, css, /^text\/css/],
      [`/${planData}`, planData, /^application\/json/],
      ['/sw.js', 'sw.js', /^text\/javascript/],
    ]
    for (const [path, file, type] of cases) {
      for (const [accept, coding] of [['gzip, deflate, br, zstd', 'br'], ['gzip, deflate', 'gzip'], [undefined, undefined]] as const) {
        const res = await get(`${server.url}${path}`, accept ? { 'Accept-Encoding': accept } : {})
        const what = `${path} with ${accept ?? 'no Accept-Encoding'}`
        expect(res.status, what).toBe(200)
        expect(res.headers['content-encoding'], what).toBe(coding)
        expect(res.headers.vary, what).toBe('Accept-Encoding')
        expect(res.headers['content-type'], what).toMatch(type)
        expect(Number(res.headers['content-length']), what).toBe(res.body.length)
        expect(decode(res).equals(built(file)), what).toBe(true)
        if (coding)
          expect(res.body.length, what).toBeLessThan(built(file).length)
      }
    }
  })

  it('compresses /api JSON above the threshold on the fly and leaves small answers alone', async () => {
    const plans = await get(`${server.url}/api/plans`, { 'Accept-Encoding': 'gzip, deflate, br' })
    expect(plans.headers['content-encoding']).toBe('br')
    expect(plans.headers.vary).toBe('Accept-Encoding')
    const plain = await get(`${server.url}/api/plans`)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.length).toBeGreaterThan(API_COMPRESS_THRESHOLD)
    expect(decode(plans).equals(plain.body)).toBe(true)
    expect((await get(`${server.url}/api/plans`, { 'Accept-Encoding': 'gzip' })).headers['content-encoding']).toBe('gzip')

    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'gzip', password: PASSWORD }) })
    const { token } = await login.json() as { token: string }
    for (const path of ['/api/health', '/api/auth/me', '/api/sync/pull']) {
      const res = await get(`${server.url}${path}`, { 'Accept-Encoding': 'gzip, deflate, br', 'Authorization': `Bearer ${token}` })
      expect(res.status, path).toBe(200)
      expect(res.body.length, path).toBeLessThan(API_COMPRESS_THRESHOLD)
      expect(res.headers['content-encoding'], path).toBeUndefined()
      expect(JSON.parse(res.body.toString('utf8')), path).toBeTypeOf('object')
    }
  })
})
