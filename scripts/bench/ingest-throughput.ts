/**
 * Ingest throughput on large generated documents (1×, 4×, 16× a base size): MB/s per size, to show the pipeline
 * grows linearly. Part of `npm run bench`; runnable alone with `tsx scripts/bench/ingest-throughput.ts`.
 */
import type { Plan } from '../../src/domain/plan'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { ingest } from '../../src/ingest/pipeline'
import { buildPlanDataFromDir } from '../seed-plan-data'
import { cnNumeral, renderDocument, syntheticPlanData } from './synthetic-corpus'

export interface ThroughputRow { points: number, megabytes: number, ms: number, mbPerSecond: number, pointsPerSecond: number }

/** Gives every synthetic plan a distinct heading, so the merge keeps them apart as a real compilation would. */
function distinctTitles(plans: Plan[]): Plan[] {
  return plans.map((plan, n) => {
    const base = plan.region.replace(/市$|州$|县$/, '').slice(0, 4)
    const region = `${base}${cnNumeral((n % 99) + 1)}区`
    return { ...plan, region, title: plan.title.replace(plan.region, region) }
  })
}

/** Ingest time per document size; with `repeats` > 1 each size keeps its fastest run (less noise on a shared machine). */
export async function measureIngestThroughput(basePoints = 1000, factors = [1, 4, 16], repeats = 1): Promise<ThroughputRow[]> {
  const seeds = (await buildPlanDataFromDir(fileURLToPath(new URL('../../seeds', import.meta.url)))).data
  const rows: ThroughputRow[] = []
  await ingest([{ name: 'warm.txt', bytes: new TextEncoder().encode(renderDocument(distinctTitles(syntheticPlanData(seeds, 200).plans))) }])
  for (const factor of factors) {
    const plans = distinctTitles(syntheticPlanData(seeds, basePoints * factor, 7 + factor).plans)
    const bytes = new TextEncoder().encode(renderDocument(plans))
    let ms = Number.POSITIVE_INFINITY
    let data
    for (let r = 0; r < Math.max(1, repeats); r++) {
      const started = performance.now()
      data = (await ingest([{ name: `synthetic-${factor}.txt`, bytes }])).data
      ms = Math.min(ms, performance.now() - started)
    }
    if (!data)
      throw new Error('no ingest run')
    const points = data.plans.reduce((n, p) => n + p.sections.reduce((m, s) => m + s.points.length, 0), 0)
    rows.push({ points, megabytes: bytes.length / 1024 / 1024, ms, mbPerSecond: bytes.length / 1024 / 1024 / (ms / 1000), pointsPerSecond: points / (ms / 1000) })
  }
  return rows
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await measureIngestThroughput())
    console.log(`${r.points} points, ${r.megabytes.toFixed(2)} MB: ${r.ms.toFixed(0)} ms, ${r.mbPerSecond.toFixed(2)} MB/s, ${r.pointsPerSecond.toFixed(0)} points/s`)
}
