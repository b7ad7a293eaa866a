import type { IncomingHttpHeaders } from 'node:http'
import type { Harness } from './harness'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { precompressFile, refreshPrecompressed, staleCopies } from '../../scripts/precompress'
import { API_COMPRESS_THRESHOLD } from '../http/compress-api'
import { checkinMutation } from './fixtures'
import { createHarness } from './harness'
import { listenInRange } from './listen'
import { storeFactories } from './stores'

// Real bytes through app.request: the build's copies for files, on-the-fly compression for /api.
const CHROME = 'gzip, deflate, br, zstd'
const decode = (coding: string | null, body: Buffer) => (coding === 'br' ? brotliDecompressSync(body) : coding === 'gzip' ? gunzipSync(body) : body)

/** The bytes and headers as they leave the socket (fetch would decode and hide them). */
function rawRequest(url: string, method: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number, headers: IncomingHttpHeaders, body: Buffer }>((resolve, reject) => {
    const req = httpRequest(url, { method, headers: { ...headers, 'Accept-Encoding': CHROME, ...(body ? { 'Content-Type': 'application/json' } : {}) } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

describe('compressed answers', () => {
  let dist: string
  let h: Harness
  let token: string
  const files: Record<string, string> = {
    'index.html': `<!doctype html><title>要点通</title>${'<p>首页</p>'.repeat(200)}`,
    'assets/index-Ab12Cd34.js': `console.log(${JSON.stringify('要点'.repeat(600))})`,
    'data/plan-data.abc123.json': JSON.stringify({ plans: Array.from({ length: 50 }, (_, i) => ({ id: `p${i}`, title: '工作要点' })) }),
    'icons/icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  }

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'ydt-dist-'))
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dist, name, '..'), { recursive: true })
      writeFileSync(join(dist, name), text)
      precompressFile(join(dist, name))
    }
    h = await createHarness(storeFactories[0]!, { distDir: dist })
    token = (await h.addAndLogin('zhang', '省政务局')).token
  }, 60_000)
  afterAll(async () => {
    await h?.close()
    rmSync(dist, { recursive: true, force: true })
  })

  const get = async (path: string, acceptEncoding?: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers)
    if (acceptEncoding !== undefined)
      headers.set('Accept-Encoding', acceptEncoding)
    const res = await h.app.request(path, { ...init, headers })
    return { res, body: Buffer.from(await res.arrayBuffer()) }
  }

  it('sends the build\'s brotli copy, gzip where brotli is not accepted, identity without Accept-Encoding', async () => {
    const cases = [['/', 'index.html'], ['/deck', 'index.html'], ['/point/x-1', 'index.html'], ['/assets/index-Ab12Cd34.js', 'assets/index-Ab12Cd34.js'], ['/data/plan-data.abc123.json', 'data/plan-data.abc123.json']] as const
    for (const [path, file] of cases) {
      for (const [accept, coding, ext] of [[CHROME, 'br', '.br'], ['gzip, deflate', 'gzip', '.gz'], [undefined, null, ''], ['br;q=0.5, gzip', 'gzip', '.gz']] as const) {
        const { res, body } = await get(path, accept)
        expect(res.status, `${path} ${accept}`).toBe(200)
        expect(res.headers.get('content-encoding'), `${path} ${accept}`).toBe(coding)
        expect(res.headers.get('vary'), path).toBe('Accept-Encoding')
        expect(Number(res.headers.get('content-length')), path).toBe(statSync(join(dist, file + ext)).size)
        expect(body.length).toBe(statSync(join(dist, file + ext)).size)
        expect(decode(coding, body).toString('utf8')).toBe(files[file])
      }
    }
    expect((await get('/assets/index-Ab12Cd34.js', CHROME)).res.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect((await get('/data/plan-data.abc123.json', CHROME)).res.headers.get('content-type')).toMatch(/^application\/json/)
  })

  it('keeps cache headers and security headers on compressed answers', async () => {
    const asset = (await get('/assets/index-Ab12Cd34.js', CHROME)).res
    expect(asset.headers.get('cache-control')).toBe('max-age=31536000, immutable')
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff')
    for (const path of ['/', '/deck'])
      expect((await get(path, CHROME)).res.headers.get('cache-control'), path).toBe('no-cache')
  })

  it('answers HEAD with the copy\'s length, Range with identity bytes, and small files without copies as they are', async () => {
    const head = await get('/assets/index-Ab12Cd34.js', CHROME, { method: 'HEAD' })
    expect(head.res.headers.get('content-encoding')).toBe('br')
    expect(Number(head.res.headers.get('content-length'))).toBe(statSync(join(dist, 'assets/index-Ab12Cd34.js.br')).size)
    expect(head.body.length).toBe(0)
    const range = await get('/assets/index-Ab12Cd34.js', CHROME, { headers: { Range: 'bytes=0-9' } })
    expect(range.res.status).toBe(206)
    expect(range.res.headers.get('content-encoding')).toBeNull()
    expect(range.body.toString('utf8')).toBe(files['assets/index-Ab12Cd34.js']!.slice(0, 10))
    const icon = await get('/icons/icon.svg', CHROME)
    expect(icon.res.headers.get('content-encoding')).toBeNull()
    expect(icon.res.headers.get('vary')).toBeNull()
    expect(icon.body.toString('utf8')).toBe(files['icons/icon.svg'])
    expect((await get('/assets%2f..%2findex.html', CHROME)).res.status).toBe(404)
  })

  it('compresses /api JSON above the threshold, with a weak ETag that still revalidates', async () => {
    const plain = await get('/api/plans')
    expect(plain.body.length).toBeGreaterThan(API_COMPRESS_THRESHOLD)
    expect(plain.res.headers.get('content-encoding')).toBeNull()
    expect(plain.res.headers.get('vary')).toBe('Accept-Encoding')
    const strong = plain.res.headers.get('etag')!
    for (const [accept, coding] of [[CHROME, 'br'], ['gzip', 'gzip']] as const) {
      const { res, body } = await get('/api/plans', accept)
      expect(res.headers.get('content-encoding')).toBe(coding)
      expect(res.headers.get('vary')).toBe('Accept-Encoding')
      expect(res.headers.get('content-type')).toMatch(/^application\/json/)
      expect(res.headers.get('cache-control')).toBe('no-cache')
      expect(Number(res.headers.get('content-length'))).toBe(body.length)
      expect(body.length).toBeLessThan(plain.body.length / 2)
      expect(decode(coding, body).equals(plain.body)).toBe(true)
      expect(res.headers.get('etag')).toBe(`W/${strong}`)
      expect((await get('/api/plans', accept, { headers: { 'If-None-Match': `W/${strong}` } })).res.status).toBe(304)
    }
  })

  it('compresses a large pull page and leaves small answers alone', async () => {
    await h.push(token, Array.from({ length: 30 }, () => checkinMutation()))
    const auth = { Authorization: `Bearer ${token}` }
    const page = await get('/api/sync/pull?limit=100', CHROME, { headers: auth })
    expect(page.res.headers.get('content-encoding')).toBe('br')
    expect(JSON.parse(decode('br', page.body).toString('utf8')).checkins).toHaveLength(30)
    for (const [path, init] of [['/api/health', {}], ['/api/auth/me', { headers: auth }], ['/api/sync/pull?limit=1', { headers: auth }]] as const) {
      const { res, body } = await get(path, CHROME, init)
      expect(res.status, path).toBe(200)
      expect(body.length, path).toBeLessThan(API_COMPRESS_THRESHOLD)
      expect(res.headers.get('content-encoding'), path).toBeNull()
      expect(res.headers.get('vary'), path).toBeNull()
      expect(() => JSON.parse(body.toString('utf8'))).not.toThrow()
    }
    // A push answer is a write's short result list: never compressed, whatever its size.
    const pushed = await h.app.request('/api/sync/push', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json', 'Accept-Encoding': CHROME },
      body: JSON.stringify({ mutations: Array.from({ length: 40 }, () => checkinMutation()) }),
    })
    const pushBody = Buffer.from(await pushed.arrayBuffer())
    expect(pushed.status).toBe(200)
    expect(pushBody.length).toBeGreaterThan(API_COMPRESS_THRESHOLD)
    expect(pushed.headers.get('content-encoding')).toBeNull()
    expect(JSON.parse(pushBody.toString('utf8')).results).toHaveLength(40)
    // Errors pass through unchanged.
    const missing = await get('/api/nope', CHROME)
    expect(missing.res.status).toBe(404)
    expect(JSON.parse(missing.body.toString('utf8'))).toEqual({ error: 'no such API route' })
  })
})

describe('uncompressed answers over a real socket', () => {
  it('carry their exact length (keep-alive needs it): health, a small read and a push', async () => {
    const h = await createHarness(storeFactories[0]!)
    const { token } = await h.addAndLogin('li', '省政务局')
    // Closing the server closes the store too.
    const server = await listenInRange(h.store, 8787, 8799)
    try {
      const auth = { Authorization: `Bearer ${token}` }
      const push = JSON.stringify({ mutations: Array.from({ length: 40 }, () => checkinMutation()) })
      for (const [path, method, body] of [['/api/health', 'GET', undefined], ['/api/auth/me', 'GET', undefined], ['/api/sync/push', 'POST', push]] as const) {
        const raw = await rawRequest(`${server.url}${path}`, method, auth, body)
        expect(raw.status, path).toBe(200)
        expect(raw.headers['content-encoding'], path).toBeUndefined()
        expect(raw.headers['transfer-encoding'], path).toBeUndefined()
        expect(Number(raw.headers['content-length']), path).toBe(raw.body.length)
        expect(() => JSON.parse(raw.body.toString('utf8')), path).not.toThrow()
      }
    }
    finally {
      await server.close()
    }
  }, 60_000)
})

describe('precompressed copies', () => {
  it('decode to their file, and a copy that would not be smaller is not made', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ydt-pre-'))
    try {
      writeFileSync(join(dir, 'a.js'), 'let a = 1;'.repeat(500))
      writeFileSync(join(dir, 'r.svg'), randomBytes(2000))
      precompressFile(join(dir, 'a.js'))
      precompressFile(join(dir, 'r.svg'))
      expect(brotliDecompressSync(readFileSync(join(dir, 'a.js.br'))).equals(readFileSync(join(dir, 'a.js')))).toBe(true)
      expect(gunzipSync(readFileSync(join(dir, 'a.js.gz'))).equals(readFileSync(join(dir, 'a.js')))).toBe(true)
      expect(() => statSync(join(dir, 'r.svg.gz'))).toThrow()
      expect(refreshPrecompressed(dir)).toEqual(['r.svg'])
      // A file rewritten after the compression plugin ran (sw.js, index.html) gets fresh copies.
      writeFileSync(join(dir, 'a.js'), 'let b = 2;'.repeat(500))
      expect(staleCopies(join(dir, 'a.js')).map(p => p.ext)).toEqual(['.br', '.gz'])
      expect(refreshPrecompressed(dir)).toEqual(['a.js', 'r.svg'])
      expect(staleCopies(join(dir, 'a.js'))).toEqual([])
      expect(brotliDecompressSync(readFileSync(join(dir, 'a.js.br'))).toString()).toBe('let b = 2;'.repeat(500))
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
