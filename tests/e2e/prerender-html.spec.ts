import type { Document, Element } from 'domhandler'
import type { SyncServer } from './support/sync-server'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DomUtils, parseDocument } from 'htmlparser2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIST_A, e2ePort } from './support/env'
import { startSyncServer } from './support/sync-server'

// No browser here: the HTML as `npm start` sends it, parsed, is what a phone can paint before any script runs.

interface BuildPlanData { themes: { id: string, name: string }[], plans: { id: string, title: string }[] }

/** The plan data the e2e build shipped (its content-hashed asset), so the expectations follow the seeds. */
function buildPlanData(): BuildPlanData {
  const dir = join(DIST_A, 'data')
  const file = readdirSync(dir).find(f => /^plan-data\..+\.json$/.test(f))
  if (!file)
    throw new Error(`no plan data in ${dir}`)
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as BuildPlanData
}

function byClass(root: Document | Element, name: string): Element[] {
  return DomUtils.findAll(el => (el.attribs.class ?? '').split(/\s+/).includes(name), [root])
}
const text = (el: Element): string => DomUtils.textContent(el).replace(/\s+/g, ' ').trim()

describe('the prerendered 首页 as the server sends it', () => {
  let server: SyncServer
  let doc: Document
  let html: string
  let csp: string
  beforeAll(async () => {
    server = await startSyncServer(e2ePort(24), [])
    const res = await fetch(`${server.url}/`)
    expect(res.status).toBe(200)
    csp = res.headers.get('content-security-policy') ?? ''
    html = await res.text()
    doc = parseDocument(html)
  })
  afterAll(async () => {
    await server?.dispose()
  })

  it('holds every theme of the build, with its point count, and every plan title, inside #app', () => {
    const data = buildPlanData()
    expect(data.themes.length).toBeGreaterThan(0)
    expect(data.plans.length).toBeGreaterThan(0)
    const app = DomUtils.findOne(el => el.attribs.id === 'app', doc.children)!
    expect(app).toBeTruthy()

    const tiles = byClass(app, 'theme-grid__tile')
    expect(tiles.map(t => t.attribs['data-theme'])).toEqual(data.themes.map(t => t.id))
    expect(tiles.map(t => text(byClass(t, 'theme-grid__name')[0]!))).toEqual(data.themes.map(t => t.name))
    for (const tile of tiles)
      expect(text(byClass(tile, 'theme-grid__count')[0]!)).toMatch(/^\d+ 条$/)
    // Real links: before the app runs, a tap still opens the deck through the server.
    expect(tiles[0]!.name).toBe('a')
    expect(tiles[0]!.attribs.href).toMatch(/^\/deck\?kind=theme/)

    const planTitles = byClass(app, 'plan-list__plan-title').map(text)
    for (const plan of data.plans)
      expect(planTitles.some(t => t.startsWith(plan.title)), plan.title).toBe(true)
    expect(planTitles).toHaveLength(data.plans.length)

    // The rest of the shell: search, 临近截止 placeholders, the tab bar.
    expect(DomUtils.findOne(el => el.name === 'form' && el.attribs.role === 'search', [app])).toBeTruthy()
    expect(byClass(app, 'due-soon__ghost')).toHaveLength(3)
    expect(byClass(app, 'tabbar__item').map(text)).toEqual(['首页', '主题', '收藏', '我的'])
  })

  it('paints with its CSS inline: no stylesheet or script blocks <head> but the tiny boot script', () => {
    const head = DomUtils.findOne(el => el.name === 'head', doc.children)!
    const styles = DomUtils.findAll(el => el.name === 'style', [head]).map(el => DomUtils.textContent(el)).join('\n')
    for (const selector of ['.theme-grid', '.plan-list__plan', '.tabbar', '.search-box', 'html.elder'])
      expect(styles, selector).toContain(selector)
    expect(DomUtils.findAll(el => el.name === 'link' && el.attribs.rel === 'stylesheet', [head])).toEqual([])
    // The full stylesheet still loads, after the content.
    const body = DomUtils.findOne(el => el.name === 'body', doc.children)!
    expect(DomUtils.findAll(el => el.name === 'link' && el.attribs.rel === 'stylesheet', [body]).length).toBeGreaterThan(0)

    const scripts = DomUtils.findAll(el => el.name === 'script', doc.children)
    // One inline script, the boot script, first in <head> (no request before the first paint); the CSP allows it by
    // its hash, and no other inline script. The full stylesheet is fetched as print, at low priority.
    const inline = scripts.filter(s => !s.attribs.src)
    expect(inline).toHaveLength(1)
    const boot = DomUtils.textContent(inline[0]!)
    expect(boot).toContain('not-home')
    expect(DomUtils.findAll(el => el.name === 'script', [head])[0]).toBe(inline[0])
    const sheets = DomUtils.findAll(el => el.name === 'link' && el.attribs.rel === 'stylesheet', [body])
    expect(sheets.map(l => [l.attribs.media, 'data-deferred' in l.attribs])).toEqual(sheets.map(() => ['print', true]))
    const hash = `'sha256-${createHash('sha256').update(boot).digest('base64')}'`
    expect(csp.split('; ').find(d => d.startsWith('script-src '))).toBe(`script-src 'self' ${hash}`)
    const blocking = scripts.filter(s => s.attribs.src && s.attribs.type !== 'module' && !('defer' in s.attribs) && !('async' in s.attribs))
    expect(blocking).toEqual([])
  })

  it('is the same document for every app route, hidden off 首页 by the boot script', async () => {
    for (const path of ['/deck?kind=theme&id=yijianshi', '/favorites', '/point/hunan-2023-zwgk-1']) {
      const res = await fetch(`${server.url}${path}`)
      expect(await res.text(), path).toBe(html)
    }
    expect(html).toMatch(/html\.not-home \[data-prerender\]\{display:none\}/)
  })
})
