/**
 * Bytes a device transfers to refresh its plan data after one plan among 1,000 (100,000 points) was published, as
 * the server sends them (brotli where accepted, headers counted), per-plan refresh beside the whole-data refresh
 * of older clients. The client side follows src/sync/refresh-plans.ts request by request: the manifest with its
 * ETag, then each plan whose version differs, with its stored version.
 *   npx tsx scripts/bench/plan-refresh-bytes.ts [--plans 1000] [--points 100000] [--port 4850]
 */
import type { IncomingMessage } from 'node:http'
import type { Plan, PlanData } from '../../src/domain/plan'
import type { PlanManifest } from '../../src/domain/plan-manifest'
import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import pino from 'pino'
import { startServer } from '../../server/server'
import { ensurePlanData, publishPlans } from '../../server/storage/plans'
import { migrate } from '../../server/store/migrate'
import { openPgliteStore } from '../../server/store/pglite'
import { buildPlanDataFromDir } from '../seed-plan-data'
import { syntheticPlanData } from './synthetic-corpus'

const { values: args } = parseArgs({ options: { plans: { type: 'string', default: '1000' }, points: { type: 'string', default: '100000' }, port: { type: 'string', default: '4850' } } })
const PLANS = Number(args.plans)
const POINTS = Number(args.points)

/** The synthetic corpus's points regrouped into `plans` plans of equal size (sections of 20), ids renumbered. */
function corpus(seed: PlanData): PlanData {
  const generated = syntheticPlanData(seed, POINTS)
  const points = generated.plans.flatMap(p => p.sections.flatMap(s => s.points)).slice(0, POINTS)
  const per = Math.floor(POINTS / PLANS)
  const plans: Plan[] = Array.from({ length: PLANS }, (_, i) => {
    const meta = generated.plans[i % generated.plans.length]!
    const id = `bench${i}-${meta.id}`
    const own = points.slice(i * per, (i + 1) * per).map((p, k) => ({ ...p, id: `${id}-${k + 1}`, no: k + 1 }))
    const sections = Array.from({ length: Math.ceil(own.length / 20) }, (_, s) => ({ no: s + 1, title: `第${s + 1}部分`, points: own.slice(s * 20, (s + 1) * 20) }))
    return { ...meta, id, sections }
  })
  return { version: `bench-${PLANS}-${POINTS}`, plans, themes: seed.themes }
}

interface Answer { status: number, bytes: number, body: Buffer, etag: string | undefined }

/** One GET as a browser sends it; bytes = status line + headers + body as received (still compressed). */
function get(port: number, path: string, etag?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'Accept-Encoding': 'br, gzip' }
    if (etag)
      headers['If-None-Match'] = etag
    request({ host: '127.0.0.1', port, path, headers, agent: false }, (res: IncomingMessage) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const head = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n${Array.from({ length: res.rawHeaders.length / 2 }, (_, i) => `${res.rawHeaders[2 * i]}: ${res.rawHeaders[2 * i + 1]}\r\n`).join('')}\r\n`
        const body = Buffer.concat(chunks)
        resolve({ status: res.statusCode ?? 0, bytes: Buffer.byteLength(head) + body.length, body, etag: res.headers.etag })
      })
    }).on('error', reject).end()
  })
}

async function decode(answer: Answer): Promise<unknown> {
  const { brotliDecompressSync } = await import('node:zlib')
  return JSON.parse(brotliDecompressSync(answer.body).toString('utf8'))
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'ydt-bench-refresh-'))
  const store = await openPgliteStore(join(dir, 'pglite'))
  try {
    await migrate(store)
    const seed = (await buildPlanDataFromDir(fileURLToPath(new URL('../../seeds', import.meta.url)))).data
    const data = corpus(seed)
    await ensurePlanData(store, () => data)
    const server = await startServer({ store, logger: pino({ level: 'warn' }), distDir: dir, port: Number(args.port), host: '127.0.0.1' })
    try {
      const port = Number(args.port)
      // The device as it stands before the publish: it holds the manifest, every plan's version and the whole data's ETag.
      const before = await get(port, '/api/plans/manifest')
      const known = await decode(before) as PlanManifest
      const wholeBefore = await get(port, '/api/plans')

      const target = data.plans[Math.floor(PLANS / 2)]!
      const edited: Plan = { ...target, title: `${target.title}（修订）`, sections: target.sections.map((s, i) => (i === 0 ? { ...s, points: s.points.map((p, k) => (k === 0 ? { ...p, body: `${p.body}（新增要求）` } : p)) } : s)) }
      await publishPlans(store, edited)

      const idle = await get(port, '/api/plans/manifest', (await get(port, '/api/plans/manifest')).etag)
      const manifest = await get(port, '/api/plans/manifest', before.etag)
      const next = await decode(manifest) as PlanManifest
      const versions = new Map(known.plans.map(p => [p.id, p.version]))
      const changed = next.plans.filter(p => versions.get(p.id) !== p.version)
      const plans = await Promise.all(changed.map(p => get(port, `/api/plans/${p.id}`, `"${versions.get(p.id)}"`)))
      const themes = next.themesVersion === known.themesVersion ? [] : [await get(port, '/api/themes')]
      const perPlan = [manifest, ...plans, ...themes].reduce((n, a) => n + a.bytes, 0)
      const whole = await get(port, '/api/plans', wholeBefore.etag)

      const line = (label: string, bytes: number, note = '') => console.log(`| ${label} | ${bytes.toLocaleString('en')} B (${kib(bytes)}) | ${note} |`)
      console.log(`One plan of ${PLANS.toLocaleString('en')} published (${POINTS.toLocaleString('en')} points, ${kib(wholeBefore.body.length)} of brotli for the whole data); bytes as received, headers included:\n`)
      console.log('| refresh | bytes | requests |')
      console.log('|---|---|---|')
      line('per-plan (manifest + changed plans)', perPlan, `manifest ${manifest.status} ${manifest.bytes.toLocaleString('en')} B; ${plans.length} plan(s) ${plans.map(p => `${p.status} ${p.bytes.toLocaleString('en')} B`).join(', ')}${themes.length ? '; themes' : ''}`)
      line('whole data (older clients, GET /api/plans)', whole.bytes, `${whole.status}`)
      line('nothing changed (manifest 304)', idle.bytes, `${idle.status}`)
      if (changed.length !== 1 || changed[0]!.id !== target.id)
        throw new Error(`expected exactly ${target.id} to change, got ${changed.map(c => c.id).join(', ')}`)
    }
    finally {
      await server.close()
    }
  }
  finally {
    await store.close().catch(() => undefined)
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
