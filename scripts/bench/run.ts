/**
 * `npm run bench -- [--only load,browser,lighthouse,ingest,formats,server,search] [--points 100000] [--skip-build] [--no-write]`
 * Issue 5's measuring harness: prints every figure with its unit, its same-run baseline and its target, and rewrites
 * the generated section of BENCHMARKS.md (only the parts that ran). Not a test: the machine is noisy, so the ratios
 * to the baselines are what to read. Loopback only: ports 4330–4339 (app, Lighthouse, the load part's byte-counting
 * proxy on 4336) and 8780–8784 (sync server).
 */
import type { RunningServer } from '../../server/server'
import type { BenchFiles } from './corpus-files'
import type { Failure, Figure } from './figures'
import type { Part, PartReport } from './report'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { measureFormatThroughput } from '../fixtures/bench-formats'
import { runBrowserBench } from './browser/browser-bench'
import { writeBenchFiles } from './corpus-files'
import { figureLine } from './figures'
import { measureIngestThroughput } from './ingest-throughput'
import { measureInitialTransfer } from './initial-transfer'
import { measureLighthouse } from './lighthouse'
import { currentLoad, describeMachine } from './machine'
import { PARTS, writeReport } from './report'
import { searchQualityFigures } from './search-quality'
import { serverFigures } from './server-figures'
import { benchPglite, benchPostgres } from './server-throughput'

const { values } = parseArgs({
  options: {
    'only': { type: 'string' },
    'points': { type: 'string', default: '100000' },
    'small': { type: 'string', default: '200' },
    'cold-rounds': { type: 'string', default: '3' },
    'swipes': { type: 'string', default: '30' },
    'search-rounds': { type: 'string', default: '6' },
    'seconds': { type: 'string', default: '8' },
    'skip-build': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
  },
})

const root = fileURLToPath(new URL('../..', import.meta.url))
// The bench's own build of the app: others may rebuild dist/ while the bench runs.
const dist = join(root, '.tmp/bench/dist')
const only = values.only?.split(',').map(s => s.trim()).filter(Boolean)
const unknown = only?.filter(p => !(PARTS as readonly string[]).includes(p)) ?? []
if (unknown.length) {
  console.error(`unknown part(s) ${unknown.join(', ')}; parts: ${PARTS.join(', ')}`)
  process.exit(2)
}
const parts = PARTS.filter(p => !only || only.includes(p))
const LARGE = Number(values.points)
const SMALL = Number(values.small)
const log = (line: string) => console.log(`  · ${line}`)

function run(cmd: string, args: string[], env: Record<string, string> = {}): void {
  const started = performance.now()
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } })
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`)
  log(`${cmd} ${args.join(' ')} (${((performance.now() - started) / 1000).toFixed(0)} s)`)
}

async function part(name: Part, measure: (notes: string[]) => Promise<Figure[]>): Promise<PartReport> {
  console.log(`\n== ${name} ==`)
  const machine = describeMachine()
  const started = performance.now()
  const failures: Failure[] = []
  const notes: string[] = []
  let figures: Figure[] = []
  try {
    figures = await measure(notes)
  }
  catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : ''
    const message = error instanceof Error ? `${error.message.split('\n').slice(0, 3).join(' ')}${cause}` : String(error)
    failures.push({ section: name, error: message })
    console.log(`  ✗ ${name} not measured: ${message}`)
  }
  for (const f of figures)
    console.log(`  ${figureLine(f)}`)
  for (const n of notes)
    console.log(`  ${n}`)
  return { part: name, machine, loadAtEnd: currentLoad(), seconds: (performance.now() - started) / 1000, figures, failures, notes }
}

const needsDist = parts.some(p => p === 'load' || p === 'browser' || p === 'lighthouse')
const reports: PartReport[] = []
let server: RunningServer | undefined
let files: BenchFiles | undefined
const startedAll = performance.now()
console.log(`bench: ${parts.join(', ')} on ${describeMachine().cpu}, load ${currentLoad()}`)
try {
  if (needsDist) {
    if (!values['skip-build'])
      run('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir'])
    run('npx', ['vite', 'build', '--config', 'scripts/bench/vite.bench.config.ts'], { BENCH_DIST_DIR: dist })
    const started = performance.now()
    files = await writeBenchFiles(dist, parts.includes('browser') ? [SMALL, LARGE] : [SMALL])
    log(`synthetic corpora ${files.sizes.join(', ')} points → .tmp/bench/dist/__bench/ (${((performance.now() - started) / 1000).toFixed(0)} s)`)
    server = await (await import('./serve-dist')).serveDist(dist, [4330, 4331, 4332, 4333, 4334])
    log(`serving the bench build at ${server.url}`)
  }
  const baseUrl = server?.url ?? ''
  for (const name of parts) {
    if (name === 'load')
      reports.push(await part(name, notes => measureInitialTransfer({ upstream: baseUrl, distDir: dist, staticPath: files?.staticCardUrl, port: 4336, notes, reportFile: join(root, '.tmp/bench/first-visit.json') })))
    if (name === 'browser') {
      reports.push(await part(name, () => runBrowserBench({
        baseUrl,
        files: files!,
        small: SMALL,
        large: LARGE,
        coldRounds: Number(values['cold-rounds']),
        swipes: Number(values.swipes),
        searchRounds: Number(values['search-rounds']),
        log,
      })))
    }
    if (name === 'lighthouse')
      reports.push(await part(name, notes => measureLighthouse(baseUrl, files!.staticCardUrl, 4335, join(root, '.tmp/bench'), notes)))
    if (name === 'ingest') {
      reports.push(await part(name, async () => {
        const rows = await measureIngestThroughput(1000, [1, 4, 16], 2)
        const base = rows[0]!
        return rows.map(r => ({
          section: 'Ingest pipeline on generated documents (Node, whole pipeline, fastest of 2 runs per size)',
          name: `${r.points.toLocaleString('en-US')} points, ${r.megabytes.toFixed(2)} MB (${r.ms.toFixed(0)} ms)`,
          value: r.mbPerSecond,
          unit: 'MB/s',
          digits: 2,
          baseline: { name: `smallest document (${base.megabytes.toFixed(2)} MB)`, value: base.mbPerSecond },
          note: `${Math.round(r.pointsPerSecond).toLocaleString('en-US')} points/s; a ratio ≥ 1 means time grows no faster than size`,
        }))
      }))
    }
    if (name === 'formats') {
      reports.push(await part(name, async (notes) => {
        const points = 5000
        const { rows, pdfSkipped } = await measureFormatThroughput(points, 3, true, log)
        if (pdfSkipped)
          notes.push(pdfSkipped)
        const text = rows[0]!
        const mbps = (r: { bytes: number, ms: number }) => r.bytes / 1e6 / (r.ms / 1000)
        return rows.map(r => ({
          section: `Reading a ${points.toLocaleString('en-US')}-point plan into blocks, per format (Node, readDocumentBlocks, median of 3 after a warm-up)`,
          name: `${r.file}, ${(r.bytes / 1e6).toFixed(2)} MB, ${r.blocks.toLocaleString('en-US')} blocks`,
          value: r.ms,
          unit: 'ms',
          digits: 0,
          baseline: { name: `plain text of the same plan (${(text.bytes / 1e6).toFixed(2)} MB)`, value: text.ms },
          note: `${mbps(r).toFixed(1)} MB/s; the whole import (read, parse, classify) took ${r.wholeMs.toFixed(0)} ms and found ${r.points.toLocaleString('en-US')} of ${points.toLocaleString('en-US')} points`,
        }))
      }))
    }
    if (name === 'search')
      reports.push(await part(name, searchQualityFigures))
    if (name === 'server') {
      reports.push(await part(name, async (notes) => {
        const load = { clients: [200], seconds: Number(values.seconds), batch: 10, rounds: 2000, ports: [8780, 8781, 8782, 8783, 8784] }
        log(`PGlite, 200 clients, ${load.seconds} s…`)
        const pglite = await benchPglite(load)
        const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL
        let pg
        if (url) {
          log(`PostgreSQL, 200 clients, ${load.seconds} s…`)
          pg = await benchPostgres(url, load)
        }
        else {
          notes.push('PostgreSQL not measured: neither DATABASE_URL nor TEST_DATABASE_URL is set (`eval "$(.ci/postgres.sh)"` starts one).')
        }
        return serverFigures(pglite, pg, load.batch)
      }))
    }
  }
}
finally {
  await server?.close()
}

if (!values['no-write'] && reports.length) {
  writeReport(join(root, 'BENCHMARKS.md'), reports)
  console.log(`\nBENCHMARKS.md: rewrote ${reports.map(r => r.part).join(', ')}`)
}
const missed = reports.flatMap(r => r.figures.filter(f => f.target && !f.target.met))
const met = reports.flatMap(r => r.figures.filter(f => f.target?.met))
console.log(`\ntargets: ${met.length} met, ${missed.length} missed${missed.length ? ` (${missed.map(f => f.name).join('; ')})` : ''}; ${((performance.now() - startedAll) / 1000).toFixed(0)} s in all`)
