import type { ChildProcess } from 'node:child_process'
import type { Figure } from './figures'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import lighthouse from 'lighthouse'
import { atLeast } from './figures'

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
    rmSync(profile, { recursive: true, force: true })
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

/**
 * Lighthouse mobile scores of 首页, beside the static first-card page scored the same way in the same run; the
 * metrics behind the performance score and the audits that failed go into `notes`, the JSON reports into `reportDir`.
 */
export async function measureLighthouse(baseUrl: string, staticPath: string, port: number, reportDir: string, notes: string[]): Promise<Figure[]> {
  const app = await withRetry(() => lighthouseRun(`${baseUrl}/`, port, join(reportDir, 'lighthouse-home.json')))
  const base = await withRetry(() => lighthouseRun(`${baseUrl}${staticPath}`, port, join(reportDir, 'lighthouse-static.json')))
  const section = 'Lighthouse 12 mobile (default config: simulated slow 4G, 4× CPU), 首页'
  const targets: Record<Category, number> = { 'performance': 95, 'accessibility': 100, 'best-practices': 100 }
  const metrics = (r: LighthouseRun) => Object.entries(r.metrics).map(([k, v]) => (k === 'CLS' ? `${k} ${v.toFixed(3)}` : `${k} ${Math.round(v)} ms`)).join(', ')
  notes.push(`Lighthouse metrics, 首页: ${metrics(app)}; static page: ${metrics(base)}.`)
  if (app.failing.length)
    notes.push(`Lighthouse audits below 0.9 on 首页: ${app.failing.join('; ')}.`)
  return CATEGORIES.map(c => ({
    section,
    name: c,
    value: app.scores[c],
    unit: '/ 100',
    digits: 0,
    baseline: { name: 'static first-card page', value: base.scores[c] },
    target: atLeast(app.scores[c], targets[c], `≥ ${targets[c]}`),
  }))
}
