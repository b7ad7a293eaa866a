/**
 * `npm run bench:ingest`: times the whole ingest pipeline on all seeds (warm runs, median and p95), and the
 * decode+normalize+segment stages alone, printing figures with units. Not a test: the machine is noisy.
 */
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { ingest } from '../src/ingest/pipeline'
import { seedFilesFrom } from './seed-files'

const seedsDir = fileURLToPath(new URL('../seeds', import.meta.url))
const files = seedFilesFrom(seedsDir)
const bytes = files.reduce((n, f) => n + f.bytes.length, 0)

async function time(run: () => Promise<void>, rounds: number): Promise<{ median: number, p95: number, first: number }> {
  const first = performance.now()
  await run()
  const firstMs = performance.now() - first
  const samples: number[] = []
  for (let i = 0; i < rounds; i++) {
    const t = performance.now()
    await run()
    samples.push(performance.now() - t)
  }
  samples.sort((a, b) => a - b)
  return { first: firstMs, median: samples[Math.floor(rounds / 2)]!, p95: samples[Math.floor(rounds * 0.95)]! }
}

let points = 0
const whole = await time(async () => {
  points = (await ingest(files)).data.plans.reduce((n, p) => n + p.sections.reduce((m, s) => m + s.points.length, 0), 0)
}, 30)
console.log(`ingest, all ${files.length} seeds (${(bytes / 1024).toFixed(0)} KiB, ${points} points):`)
console.log(`  first run (cold, includes JIT and dictionary load): ${whole.first.toFixed(1)} ms`)
console.log(`  warm: median ${whole.median.toFixed(1)} ms, p95 ${whole.p95.toFixed(1)} ms`)
console.log(`  throughput: ${(bytes / 1024 / 1024 / (whole.median / 1000)).toFixed(2)} MB/s`)
