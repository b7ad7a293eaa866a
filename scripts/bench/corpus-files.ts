import type { PointRow } from '../../src/db/points'
import type { PlanData } from '../../src/domain/plan'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { comparePointsByPlan, toPointRows } from '../../src/db/points'
import { withPinyin } from '../../src/search/plan-pinyin'
import { precompressFile } from '../precompress'
import { buildPlanDataFromDir } from '../seed-plan-data'
import { idbCardPage, staticCardPage } from './card-pages'
import { BENCH_THEME, syntheticPlanData, trimToPoints, withBenchTheme } from './synthetic-corpus'

/**
 * Writes what the browser scenarios load into <bench build>/__bench/ (under the git-ignored .tmp/, same origin as
 * the app): the synthetic corpora as JSON, an empty page to run bench-api.js in, and the static first-card page
 * (the cold-start baseline).
 */
const root = fileURLToPath(new URL('../..', import.meta.url))

export interface BenchFiles {
  corpusUrl: (points: number) => string
  deckUrl: string
  /** The 进度看板 of the same theme. */
  boardUrl: string
  /** The bench theme's list, whose 查看进度看板 link opens the board inside the app. */
  listUrl: string
  blankUrl: string
  staticCardUrl: string
  /** The cold-start floor: a page without a framework that reads the first card from the app's IndexedDB. */
  idbCardUrl: string
  /** Points in each corpus written. */
  sizes: number[]
}

/**
 * The corpus `npm run bench` stores: `points` synthetic points, every one also in the bench theme, with search's
 * word pinyin as the build ships it (the recombined plans need their own).
 */
export function benchCorpus(seeds: PlanData, points: number): PlanData {
  return withPinyin(withBenchTheme(trimToPoints(syntheticPlanData(seeds, points, 20231121 + points), points)))
}

/** The version of the plan data the build ships (dist/data/plan-data.<version>.json). */
function builtDataVersion(distDir: string): string {
  const file = readdirSync(join(distDir, 'data')).find(f => /^plan-data\..+\.json$/.test(f))
  if (!file)
    throw new Error(`${distDir}/data/plan-data.*.json missing`)
  return file.slice('plan-data.'.length, -'.json'.length)
}

export async function writeBenchFiles(distDir: string, sizes: number[]): Promise<BenchFiles> {
  const dir = join(distDir, '__bench')
  mkdirSync(dir, { recursive: true })
  const seeds = (await buildPlanDataFromDir(join(root, 'seeds'))).data
  // Labelled with the build's version, so the app, having imported a corpus, keeps it as its build data.
  const version = builtDataVersion(distDir)
  let firstOfLargest: PointRow | undefined
  for (const n of sizes) {
    const data = { ...benchCorpus(seeds, n), version }
    writeFileSync(join(dir, `corpus-${n}.json`), JSON.stringify(data))
    if (n === Math.max(...sizes)) {
      const rows = data.plans.flatMap(toPointRows)
      firstOfLargest = rows.reduce((a, b) => (comparePointsByPlan(b, a) < 0 ? b : a))
    }
  }
  writeFileSync(join(dir, 'blank.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8"><title>bench</title></head><body></body></html>\n')
  if (firstOfLargest) {
    writeFileSync(join(dir, 'static-card.html'), staticCardPage(firstOfLargest, distDir))
    // Compressed like the app's HTML, so the baseline is served the same way.
    precompressFile(join(dir, 'static-card.html'))
  }
  writeFileSync(join(dir, 'idb-card.html'), idbCardPage(BENCH_THEME.id, distDir))
  precompressFile(join(dir, 'idb-card.html'))
  return {
    corpusUrl: n => `/__bench/corpus-${n}.json`,
    deckUrl: `/deck?kind=theme&id=${BENCH_THEME.id}`,
    boardUrl: `/board/theme/${BENCH_THEME.id}`,
    listUrl: `/list?kind=theme&id=${BENCH_THEME.id}`,
    blankUrl: '/__bench/blank.html',
    staticCardUrl: '/__bench/static-card.html',
    idbCardUrl: '/__bench/idb-card.html',
    sizes,
  }
}
