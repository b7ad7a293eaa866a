import type { Browser, Worker } from 'playwright-core'
import type { SyncServer } from './support/sync-server'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, PHONE, waitForServiceWorker } from './support/browser'
import { DIST_A, e2ePort } from './support/env'
import { startSyncServer } from './support/sync-server'

// What issue 11 took off a first visit, held in place: one Dexie for the page and its workers, and no plans
// downloaded again when the server has the build's own.

const assets = join(DIST_A, 'assets')
const scripts = readdirSync(assets).filter(f => f.endsWith('.js'))
// A string of Dexie's own source that survives minification.
const DEXIE_MARK = 'Database version changed by other database connection'
const importsOf = (file: string) => [...readFileSync(join(assets, file), 'utf8').matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map(m => m[1]!)
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
  })
})
