import type { Figure } from './figures'
import type { FirstVisit, Kind, VisitResponse } from './first-visit'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startByteProxy } from './byte-proxy'
import { atMost } from './figures'
import { firstVisit, KINDS } from './first-visit'

/**
 * The first visit as a phone meets it: every byte the server sends (status lines, headers, bodies as encoded),
 * counted by a proxy in front of the real server, from opening `/` in a fresh Chromium profile until the service
 * worker is active with its precache complete and the network has gone quiet. Also what the page had received
 * before its first contentful paint, with the page on Lighthouse's slow 4G (first-visit.ts). The same for the
 * static first-card page (the baseline) and for both served uncompressed (Accept-Encoding: identity).
 */
const kb = (n: number) => n / 1024
const sum = (rs: VisitResponse[]) => rs.reduce((n, r) => n + r.bytes, 0)

/** Precache entries in the build's sw.js (the injected self.__WB_MANIFEST). */
export function precacheCount(distDir: string): number {
  const sw = readFileSync(join(distDir, 'sw.js'), 'utf8')
  return [...sw.matchAll(/\{"revision":(?:"[^"]*"|null),"url":"[^"]+"\}/g)].length
}

async function visit(upstream: string, path: string, port: number, precache: number | undefined, acceptEncoding?: string): Promise<FirstVisit> {
  const proxy = await startByteProxy(upstream, port, { acceptEncoding })
  try {
    return await firstVisit(`${proxy.url}${path}`, () => proxy.records, () => proxy.idle(2000), precache)
  }
  finally {
    await proxy.close()
  }
}

function encodings(rs: VisitResponse[]): string {
  const counts = new Map<string, number>()
  for (const r of rs) {
    const e = String(r.headers['content-encoding'] ?? 'identity')
    counts.set(e, (counts.get(e) ?? 0) + 1)
  }
  return [...counts].map(([e, n]) => `${n} ${e}`).join(', ')
}

export interface TransferOptions {
  /** The real server serving the bench build. */
  upstream: string
  distDir: string
  /** The static first-card page (baseline), when written. */
  staticPath?: string
  /** The proxy's port. */
  port: number
  notes: string[]
  /** Where to write every response of the app's compressed first visit (JSON), for a closer look. */
  reportFile?: string
}

export async function measureInitialTransfer(o: TransferOptions): Promise<Figure[]> {
  const listed = precacheCount(o.distDir)
  const app = await visit(o.upstream, '/', o.port, listed)
  const plainApp = await visit(o.upstream, '/', o.port, listed, 'identity')
  const base = o.staticPath ? await visit(o.upstream, o.staticPath, o.port, undefined) : undefined
  const plainBase = o.staticPath ? await visit(o.upstream, o.staticPath, o.port, undefined, 'identity') : undefined
  for (const v of [app, plainApp]) {
    if (!v.precache || v.precache.cached < v.precache.listed)
      throw new Error(`the precache holds ${v.precache?.cached} of ${listed} entries after activation`)
  }

  const section = 'First visit of 首页 as the server sends it (byte-counting proxy, fresh Chromium profile, until the service worker is active and its precache complete)'
  const baseline = (v: FirstVisit | undefined, pick: (v: FirstVisit) => number, name = 'static first-card page') => (v ? { name, value: kb(pick(v)) } : undefined)
  const total = (v: FirstVisit) => sum(v.responses)
  const beforePaint = (v: FirstVisit) => sum(v.responses.filter(r => r.beforePaint))
  const byKind = (kind: Kind) => app.responses.filter(r => r.kind === kind)
  const sw = app.responses.filter(r => r.bySw)
  const figures: Figure[] = [
    { section, name: `total first visit (${app.responses.length} responses)`, value: kb(total(app)), unit: 'KB', baseline: baseline(base, total), target: atMost(kb(total(app)), 250, '≤ 250 KB') },
    {
      section,
      name: `before first paint (${app.responses.filter(r => r.beforePaint).length} responses, FCP ${Math.round(app.fcpMs)} ms)`,
      value: kb(beforePaint(app)),
      unit: 'KB',
      baseline: baseline(base, beforePaint),
      target: atMost(kb(beforePaint(app)), 30, '≤ 30 KB'),
      note: 'responses the page had whole (Resource Timing responseEnd) before its first contentful paint, page on slow 4G',
    },
    ...KINDS.filter(k => byKind(k).length).map(k => ({ section, name: `${k} (${byKind(k).length})`, value: kb(sum(byKind(k))), unit: 'KB' })),
    { section, name: `fetched by the service worker (${sw.length}: its script and precache misses)`, value: kb(sum(sw)), unit: 'KB' },
  ]
  const plainSection = 'The same first visit served uncompressed (the proxy sends Accept-Encoding: identity)'
  figures.push(
    { section: plainSection, name: 'total first visit, identity', value: kb(total(plainApp)), unit: 'KB', baseline: { name: 'compressed', value: kb(total(app)) } },
    { section: plainSection, name: 'before first paint, identity', value: kb(beforePaint(plainApp)), unit: 'KB', baseline: { name: 'compressed', value: kb(beforePaint(app)) } },
  )
  if (plainBase && base)
    figures.push({ section: plainSection, name: 'static first-card page, identity', value: kb(total(plainBase)), unit: 'KB', baseline: { name: 'compressed', value: kb(total(base)) } })

  if (o.reportFile)
    writeFileSync(o.reportFile, JSON.stringify(app.responses.map(r => ({ url: r.url, status: r.status, kind: r.kind, bySw: r.bySw, beforePaint: r.beforePaint, bytes: r.bytes, encoding: r.headers['content-encoding'] ?? 'identity' })), null, 1))
  const twice = [...new Set(app.responses.map(r => r.url.split('?')[0]!).filter((u, i, all) => all.indexOf(u) !== i))]
  if (twice.length)
    o.notes.push(`Fetched more than once on the first visit: ${twice.join(', ')}.`)
  o.notes.push(`First visit: Chromium sent Accept-Encoding "${app.acceptEncoding}"; responses ${encodings(app.responses)}; the service worker's own fetches ${encodings(sw) || 'none'}; precache ${app.precache!.cached} of ${listed} entries in Cache Storage.`)
  const before = app.responses.filter(r => r.beforePaint).map(r => `${r.url.split('?')[0]} ${kb(r.bytes).toFixed(1)} KB`)
  o.notes.push(`Before first paint on 首页: ${before.join(', ') || 'nothing'}.`)
  const biggest = [...app.responses].sort((a, b) => b.bytes - a.bytes).slice(0, 6).map(r => `${r.url.split('?')[0]} ${kb(r.bytes).toFixed(1)} KB${r.bySw ? ' (SW)' : ''}`)
  o.notes.push(`Largest responses of the first visit: ${biggest.join(', ')}.`)
  return figures
}
