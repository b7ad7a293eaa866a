import type { PointRow } from '../../src/db/points'
import type { PlanData } from '../../src/domain/plan'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { comparePointsByPlan, toPointRows } from '../../src/db/points'
import { precompressFile } from '../precompress'
import { buildPlanDataFromDir } from '../seed-plan-data'
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
  blankUrl: string
  staticCardUrl: string
  /** Points in each corpus written. */
  sizes: number[]
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)
}

/** The stylesheets index.html links, so the static page looks like the app's card. */
function appStylesheets(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  return [...html.matchAll(/<link\s[^>]*rel=["']stylesheet["'][^>]*>/gi)]
    .map(m => /href=["']([^"']+)["']/.exec(m[0])?.[1])
    .filter((href): href is string => href !== undefined)
}

/** The first card of the bench deck as plain HTML: the same content and roughly the same markup as PointCard. */
function staticCardPage(first: PointRow, distDir: string): string {
  const css = readFileSync(join(root, 'src/components/deck/point-card.css'), 'utf8')
  const facts = [
    first.leadUnits.length ? `<div class="point-card__fact"><dt>牵头单位</dt><dd>${escapeHtml(first.leadUnits.join('、'))}</dd></div>` : '',
    `<div class="point-card__fact"><dt>时限</dt><dd>${escapeHtml(first.deadlines.map(d => d.text).join('、') || '无时限')}</dd></div>`,
    first.targets.length ? `<div class="point-card__fact"><dt>目标</dt><dd><ul class="point-card__targets">${first.targets.map(t => `<li>${escapeHtml(t.text)}</li>`).join('')}</ul></dd></div>` : '',
  ].join('')
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0, viewport-fit=cover">
<title>要点卡片（静态基准）</title>
<link rel="icon" type="image/svg+xml" href="/icons/icon.svg">
${appStylesheets(distDir).map(href => `<link rel="stylesheet" href="${href}">`).join('\n')}
<style>
:root { --app-primary: #0a58ca; --app-primary-soft: #e8f0fe; --app-bg: #f3f4f6; --app-card: #fff; --app-text: #1f2329; --app-text-2: #4a505b; --app-target: 44px; --app-radius: 12px; --fs-sm: 0.8125rem; --fs-s: 0.875rem; }
body { margin: 0; background: var(--app-bg); color: var(--app-text); font-family: system-ui, 'Noto Sans CJK SC', sans-serif; line-height: 1.5; }
main { padding: 8px 12px; }
${css}
</style>
</head>
<body>
<main>
<p>1 / 100000</p>
<article class="point-card" aria-label="${escapeHtml(first.title)}" data-point="${escapeHtml(first.id)}">
<p class="point-card__plan">${escapeHtml(first.planTitle)}</p>
<p class="point-card__section">第${first.sectionNo}部分 · ${escapeHtml(first.sectionTitle)}</p>
<h2 class="point-card__title"><span class="point-card__no">第${first.no}条</span>${escapeHtml(first.title)}</h2>
<dl class="point-card__facts">${facts}</dl>
<div class="point-card__body"><p>${escapeHtml(first.body.slice(0, 120))}${first.body.length > 120 ? '…' : ''}</p></div>
</article>
</main>
</body>
</html>
`
}

/** The corpus `npm run bench` stores: `points` synthetic points, every one also in the bench theme. */
export function benchCorpus(seeds: PlanData, points: number): PlanData {
  return withBenchTheme(trimToPoints(syntheticPlanData(seeds, points, 20231121 + points), points))
}

export async function writeBenchFiles(distDir: string, sizes: number[]): Promise<BenchFiles> {
  const dir = join(distDir, '__bench')
  mkdirSync(dir, { recursive: true })
  const seeds = (await buildPlanDataFromDir(join(root, 'seeds'))).data
  let firstOfLargest: PointRow | undefined
  for (const n of sizes) {
    const data = benchCorpus(seeds, n)
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
  return {
    corpusUrl: n => `/__bench/corpus-${n}.json`,
    deckUrl: `/deck?kind=theme&id=${BENCH_THEME.id}`,
    blankUrl: '/__bench/blank.html',
    staticCardUrl: '/__bench/static-card.html',
    sizes,
  }
}
