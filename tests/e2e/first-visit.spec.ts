import type { Browser, Worker } from 'playwright-core'
import type { SyncServer } from './support/sync-server'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, PHONE, waitForServiceWorker } from './support/browser'
import { DIST_A, e2ePort } from './support/env'
import { rawGet as get } from './support/raw-get'
import { startSyncServer } from './support/sync-server'

// What issue 11 took off a first visit, held in place: one Dexie for the page, its workers and the service worker
// (revalidated, not downloaded again, when the worker installs), and no plans downloaded again when the server has
// the build's own.

const assets = join(DIST_A, 'assets')
const scripts = readdirSync(assets).filter(f => f.endsWith('.js'))
// A string of Dexie's own source that survives minification.
const DEXIE_MARK = 'Database version changed by other database connection'
// Chunks import each other as "./x.js"; the shared Dexie file is imported as "/assets/dexie-….js".
const importsOf = (file: string) => [...readFileSync(join(assets, file), 'utf8').matchAll(/(?:from|import)\s*"(?:\.|\/assets)\/([^"/]+\.js)"/g)].map(m => m[1]!)
function closure(file: string): Set<string> {
  const seen = new Set<string>()
  const queue = [file]
  while (queue.length) {
    const next = queue.pop()!
    if (!seen.has(next)) {
      seen.add(next)
      queue.push(...importsOf(next))
    }
  }
  return seen
}

describe('the first visit', () => {
  it('builds Dexie once: the page, the search worker and the plan-data worker import the same chunk', () => {
    const withDexie = scripts.filter(f => readFileSync(join(assets, f), 'utf8').includes(DEXIE_MARK))
    expect(withDexie).toHaveLength(1)
    const html = readFileSync(join(DIST_A, 'index.html'), 'utf8')
    const entry = /src="\/assets\/(index-[\w-]+\.js)"/.exec(html)![1]!
    for (const start of [entry, scripts.find(f => f.startsWith('search-worker-'))!, scripts.find(f => f.startsWith('plan-data-worker-'))!]) {
      const reached = closure(start)
      expect([...reached], start).toContain(withDexie[0])
      // A worker never pulls in the app's entry (its start-up would run in the worker).
      if (start !== entry)
        expect([...reached], start).not.toContain(entry)
    }
  })

  it('gives the service worker the same Dexie file, by importScripts, and none of its own', () => {
    const sw = readFileSync(join(DIST_A, 'sw.js'), 'utf8')
    const dexie = scripts.filter(f => /^dexie-[\w-]{8}\.js$/.test(f))
    expect(dexie).toHaveLength(1)
    expect(sw).toContain(`importScripts("/assets/${dexie[0]}")`)
    expect(sw).not.toContain(DEXIE_MARK)
    // Precached, so the page finds it offline.
    expect(sw).toContain(`"url":"assets/${dexie[0]}"`)
  })

  describe('against npm start', () => {
    let server: SyncServer
    let browser: Browser
    beforeAll(async () => {
      server = await startSyncServer(e2ePort(26), [])
      browser = await launchBrowser()
    }, 120_000)
    afterAll(async () => {
      await browser?.close()
      await server?.dispose()
    })

    it('asks for the server\'s plan manifest once, downloads no plan the build ships, and runs both workers from the shared chunks', async () => {
      const context = await browser.newContext(PHONE)
      const page = await context.newPage()
      const plans: string[] = []
      page.on('response', (r) => {
        // The manifest names the build's own data version: no plan, and not the whole data, is fetched.
        const path = new URL(r.url()).pathname
        if (path.startsWith('/api/plans') || path === '/api/themes')
          plans.push(`${path} ${r.status()}`)
      })
      const workers: Worker[] = []
      page.on('worker', w => workers.push(w))
      const errors: string[] = []
      page.on('pageerror', e => errors.push(e.message))
      page.on('console', (m) => {
        if (m.type() === 'error')
          errors.push(m.text())
      })
      await page.goto(server.url)
      await waitForServiceWorker(page)
      await page.getByTestId('due-count').waitFor({ timeout: 30_000 })
      await expect.poll(() => plans, { timeout: 20_000 }).toEqual(['/api/plans/manifest 200'])

      await page.goto(`${server.url}/search?q=ywtb`)
      await page.locator('.result').first().waitFor({ timeout: 30_000 })
      const urls = workers.map(w => new URL(w.url()).pathname)
      expect(urls.some(u => /\/assets\/plan-data-worker-[\w-]+\.js$/.test(u)), urls.join()).toBe(true)
      expect(urls.some(u => /\/assets\/search-worker-[\w-]+\.js$/.test(u)), urls.join()).toBe(true)
      expect(errors).toEqual([])
      await context.close()
    })

    it('answers a revalidation of a hashed script with a 304, per encoding: a new service worker\'s importScripts costs headers', async () => {
      const file = scripts.find(f => /^dexie-[\w-]{8}\.js$/.test(f))!
      const url = `${server.url}/assets/${file}`
      const br = await get(url, { 'Accept-Encoding': 'br' })
      expect(br.status).toBe(200)
      expect(br.headers['content-encoding']).toBe('br')
      const tag = br.headers.etag!
      expect(tag).toMatch(/^"[\w-]{8}\.br"$/)
      const again = await get(url, { 'Accept-Encoding': 'br', 'If-None-Match': tag })
      expect(again.status).toBe(304)
      expect(again.body.length).toBe(0)
      expect(again.headers.etag).toBe(tag)
      expect(again.headers['cache-control']).toMatch(/immutable/)
      // The brotli copy's tag does not validate the identity file.
      const identity = await get(url, { 'If-None-Match': tag })
      expect(identity.status).toBe(200)
      expect(identity.headers['content-encoding']).toBeUndefined()
      expect(identity.body.equals(readFileSync(join(assets, file)))).toBe(true)
      expect(identity.headers.etag).not.toBe(tag)
    })
  })
})
