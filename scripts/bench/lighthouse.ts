import type { ChildProcess } from 'node:child_process'
import type { Figure } from './figures'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import lighthouse from 'lighthouse'
import { atLeast, atMost } from './figures'

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const
type Category = typeof CATEGORIES[number]
export type Scores = Record<Category, number>
export interface LighthouseRun {
  scores: Scores
  /** Core metrics in ms (CLS unitless): FCP, LCP, TBT, SI, CLS. */
  metrics: Record<string, number>
  /** Audits of the three categories that did not pass, with their titles. */
  failing: string[]
}

async function waitForDevtools(port: number, chrome: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (chrome.exitCode !== null)
      throw new Error(`chromium exited with ${chrome.exitCode} before its DevTools port opened`)
    const ok = await fetch(`http://127.0.0.1:${port}/json/version`).then(r => r.ok, () => false)
    if (ok)
      return
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  throw new Error(`chromium's DevTools port ${port} did not open`)
}

/**
 * Lighthouse (default config = mobile: phone emulation, simulated slow 4G and 4× CPU) against Debian's Chromium,
 * started here on a fresh profile with its DevTools port on `port` and stopped afterwards.
 */
export async function lighthouseRun(url: string, port: number, reportFile?: string): Promise<LighthouseRun> {
  const profile = mkdtempSync(join(tmpdir(), 'ydt-bench-lh-'))
  const chrome = spawn('/usr/bin/chromium', [
    '--headless=new',
    `--remote-debugging-port=${port}`,
    '--remote-debugging-address=127.0.0.1',
    `--user-data-dir=${profile}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    'about:blank',
  ], { stdio: 'ignore' })
  try {
    await waitForDevtools(port, chrome)
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] })
    if (!result)
      throw new Error('lighthouse returned no result')
    const { lhr } = result
    if (lhr.runtimeError)
      throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
    if (reportFile)
      writeFileSync(reportFile, typeof result.report === 'string' ? result.report : JSON.stringify(lhr))
    const score = (c: Category) => Math.round((lhr.categories[c]?.score ?? Number.NaN) * 100)
    const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN
    const failing = CATEGORIES.flatMap(c => (lhr.categories[c]?.auditRefs ?? [])
      .filter(ref => ref.weight > 0)
      .map(ref => lhr.audits[ref.id])
      .filter(a => a !== undefined && a.score !== null && a.score < 0.9)
      .map(a => `${c}: ${a!.title}${a!.displayValue ? ` (${a!.displayValue})` : ''}`))
    return {
      scores: { 'performance': score('performance'), 'accessibility': score('accessibility'), 'best-practices': score('best-practices') },
      metrics: { FCP: metric('first-contentful-paint'), LCP: metric('largest-contentful-paint'), TBT: metric('total-blocking-time'), SI: metric('speed-index'), CLS: metric('cumulative-layout-shift') },
      failing,
    }
  }
  finally {
    const exited = new Promise(resolve => chrome.once('exit', resolve))
    if (chrome.exitCode === null) {
      chrome.kill('SIGTERM')
      await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 5000))])
    }
    // Chromium's child processes may still be writing into the profile after the browser exits (ENOTEMPTY):
    // a leftover temporary directory must not cost the run its figures.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 500 })
    }
    catch (error) {
      console.warn(`  (could not remove ${profile}: ${String(error)})`)
    }
  }
}

/** Lighthouse's trace sometimes misses the navigation on a loaded machine (NO_NAVSTART); it asks to run again. */
async function withRetry<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run()
    }
    catch (error) {
      if (i >= attempts || !String(error).includes('NO_NAVSTART'))
        throw error
    }
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** The median run of each score and metric over `runs` (not one run's set: each figure is its own median). */
function medianRun(runs: LighthouseRun[]): LighthouseRun {
  const scores = Object.fromEntries(CATEGORIES.map(c => [c, median(runs.map(r => r.scores[c]))])) as Scores
  const metrics = Object.fromEntries(Object.keys(runs[0]!.metrics).map(k => [k, median(runs.map(r => r.metrics[k]!))]))
  // The audits by title: their values differ per run, and the metrics' medians are figures of their own.
  return { scores, metrics, failing: [...new Set(runs.flatMap(r => r.failing.map(f => f.replace(/ \([^)]*\)$/, ''))))] }
}

async function medianOf(url: string, port: number, reportFile: string, runs: number): Promise<LighthouseRun> {
  const results: LighthouseRun[] = []
  for (let i = 0; i < runs; i++)
    results.push(await withRetry(() => lighthouseRun(url, port, i === 0 ? reportFile : undefined)))
  return medianRun(results)
}

const METRIC_TARGETS: Record<string, { limit: number, text: string, unit: string, scale: number, digits: number }> = {
  FCP: { limit: 1.5, text: '≤ 1.5 s', unit: 's', scale: 1000, digits: 2 },
  LCP: { limit: 2, text: '≤ 2.0 s', unit: 's', scale: 1000, digits: 2 },
  TBT: { limit: 100, text: '≤ 100 ms', unit: 'ms', scale: 1, digits: 0 },
  SI: { limit: Number.NaN, text: '', unit: 's', scale: 1000, digits: 2 },
  CLS: { limit: 0, text: '= 0', unit: '', scale: 1, digits: 3 },
}

/**
 * Lighthouse mobile scores and metrics of 首页, each the median of `runs` runs, beside the static first-card page
 * scored the same way in the same run; the audits that failed go into `notes`, the first run's JSON reports into
 * `reportDir`.
 */
export async function measureLighthouse(baseUrl: string, staticPath: string, port: number, reportDir: string, notes: string[], runs = 3): Promise<Figure[]> {
  const app = await medianOf(`${baseUrl}/`, port, join(reportDir, 'lighthouse-home.json'), runs)
  const base = await medianOf(`${baseUrl}${staticPath}`, port, join(reportDir, 'lighthouse-static.json'), runs)
  const section = `Lighthouse 13 mobile (default config: simulated slow 4G, 4× CPU), 首页, median of ${runs} runs`
  const targets: Record<Category, number> = { 'performance': 95, 'accessibility': 100, 'best-practices': 100 }
  if (app.failing.length)
    notes.push(`Lighthouse audits below 0.9 on 首页 (any run): ${app.failing.join('; ')}.`)
  const scores: Figure[] = CATEGORIES.map(c => ({
    section,
    name: c,
    value: app.scores[c],
    unit: '/ 100',
    digits: 0,
    baseline: { name: 'static first-card page', value: base.scores[c] },
    target: atLeast(app.scores[c], targets[c], `≥ ${targets[c]}`),
  }))
  const metrics: Figure[] = Object.entries(METRIC_TARGETS).map(([name, t]) => {
    const value = app.metrics[name]! / t.scale
    const target = name === 'CLS'
      ? { text: t.text, met: value === 0, by: value === 0 ? undefined : `${value.toFixed(3)} over` }
      : Number.isNaN(t.limit) ? undefined : atMost(value, t.limit, t.text)
    return { section, name, value, unit: t.unit, digits: t.digits, baseline: { name: 'static first-card page', value: base.metrics[name]! / t.scale }, target }
  })
  return [...scores, ...metrics]
}
