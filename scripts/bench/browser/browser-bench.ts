import type { BenchFiles } from '../corpus-files'
import type { Figure } from '../figures'
import type { ColdStart } from './cold-start'
import type { SwipeResult } from './interactions'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { atMost } from '../figures'
import { boardFromList } from './board-in-app'
import { coldStarts } from './cold-start'
import { measureSearch, measureSwipes, SEARCH_QUERIES } from './interactions'
import { prepareProfile } from './profile'

export interface BrowserBenchOptions {
  baseUrl: string
  files: BenchFiles
  small: number
  large: number
  coldRounds: number
  swipes: number
  searchRounds: number
  log: (line: string) => void
}

const MB = 1024 * 1024

/**
 * The headless-Chromium figures (4× CPU throttle): import, cold start, search, swipe, heap. Two profiles, one with
 * `small` and one with `large` points stored, each prepared as a user's would be.
 */
export async function runBrowserBench(o: BrowserBenchOptions): Promise<Figure[]> {
  const root = mkdtempSync(join(tmpdir(), 'ydt-bench-profiles-'))
  const figures: Figure[] = []
  const n = (x: number) => x.toLocaleString('en-US')
  try {
    o.log(`preparing a profile with ${n(o.small)} points…`)
    const small = await prepareProfile(o.baseUrl, join(root, 'small'), o.files.corpusUrl(o.small), o.files.blankUrl)
    o.log(`importing ${n(o.large)} points (4× CPU throttle)…`)
    const large = await prepareProfile(o.baseUrl, join(root, 'large'), o.files.corpusUrl(o.large), o.files.blankUrl, true)
    const section = 'Import into IndexedDB (headless Chromium, 4× CPU throttle on the page; Chromium cannot throttle workers, so the app\'s plan-data worker and the worker floor run at this machine\'s full speed)'
    const inWorker = 'raw IndexedDB put in a worker, one transaction, with download + JSON.parse'
    figures.push(
      { section, name: `import ${n(large.points)} points, the app's import (importPlanData: download, check, write in its worker, one transaction)`, value: large.app.ms / 1000, unit: 's', digits: 2, baseline: { name: inWorker, value: large.rawWorker.withDownloadMs / 1000 }, target: atMost(large.app.ms / 1000, 5, '≤ 5 s') },
      { section, name: `import ${n(large.points)} points, throughput`, value: large.app.recordsPerSecond, unit: 'records/s', digits: 0, baseline: { name: 'raw put in a worker (put alone)', value: large.rawWorker.put.recordsPerSecond } },
      { section, name: `raw IndexedDB put of the ${n(large.points)} rows in a worker (put alone)`, value: large.rawWorker.put.ms / 1000, unit: 's', digits: 2, baseline: { name: 'the same put on the 4× throttled page', value: large.raw.ms / 1000 }, note: 'the floor of any import on this machine' },
      ...(large.rawNoIndexes ? [{ section, name: `raw IndexedDB put of the ${n(large.points)} rows on the page into a store without indexes`, value: large.rawNoIndexes.ms / 1000, unit: 's', digits: 2, baseline: { name: 'raw put on the page with the app\'s 3 point indexes', value: large.raw.ms / 1000 }, note: 'what index upkeep costs' }] : []),
      { section, name: `import ${n(small.points)} points, the app's import`, value: small.app.ms, unit: 'ms', digits: 0, baseline: { name: inWorker, value: small.rawWorker.withDownloadMs } },
    )

    const cold = async (dir: string, path: string, network: 'online' | 'offline', rounds: number, label: string, swipes?: boolean): Promise<ColdStart & { extra?: SwipeResult }> => {
      o.log(`cold start, ${label}, ${network} (${rounds}×)…`)
      return coldStarts(o.baseUrl, dir, path, network, rounds, swipes ? page => measureSwipes(page, o.swipes) : undefined)
    }
    const staticPage = await cold(large.dir, o.files.staticCardUrl, 'online', o.coldRounds, 'static first-card page')
    // The floor is a figure beside the others: if it cannot be measured, the app's figures still are.
    const idbPage = await cold(large.dir, o.files.idbCardUrl, 'online', o.coldRounds, 'IndexedDB first-card page, no framework').catch((error: unknown) => {
      o.log(`IndexedDB first-card page not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
      return undefined
    })
    const smallOnline = await cold(small.dir, o.files.deckUrl, 'online', o.coldRounds, `${n(o.small)} points`, true)
    const smallOffline = await cold(small.dir, o.files.deckUrl, 'offline', o.coldRounds, `${n(o.small)} points`)
    const largeOnline = await cold(large.dir, o.files.deckUrl, 'online', o.coldRounds, `${n(o.large)} points`, true)
    const largeOffline = await cold(large.dir, o.files.deckUrl, 'offline', o.coldRounds, `${n(o.large)} points`)
    const largeBoard = await cold(large.dir, o.files.boardUrl, 'offline', o.coldRounds, `进度看板 of the bench theme, ${n(o.large)} points`)
    o.log(`进度看板 from the theme's list, in the app, ${n(o.large)} points, offline (${o.coldRounds}×)…`)
    const boardInApp = await boardFromList(o.baseUrl, large.dir, o.files.listUrl, o.coldRounds)
    const coldSection = 'Cold start to the first card on screen (new browser process, 4× CPU throttle, median)'
    const base = { name: 'static first-card page, same server', value: staticPage.median }
    const coldFigure = (label: string, c: ColdStart, note: string): Figure => ({ section: coldSection, name: label, value: c.median, unit: 'ms', digits: 0, baseline: base, note: `${note}; samples ${c.samples.map(s => s.toFixed(0)).join(', ')} ms` })
    figures.push(
      coldFigure(`${n(o.small)} points stored, online`, smallOnline, 'service worker bypassed'),
      coldFigure(`${n(o.small)} points stored, offline`, smallOffline, 'service worker cache'),
      coldFigure(`${n(o.large)} points stored, online`, largeOnline, 'service worker bypassed'),
      { ...coldFigure(`${n(o.large)} points stored, offline`, largeOffline, 'service worker cache'), target: atMost(largeOffline.median / staticPage.median, 1.5, '≤ 1.5× static') },
      { section: coldSection, name: `进度看板 (theme board, figures on screen), ${n(o.large)} points stored, offline`, value: largeBoard.median, unit: 'ms', digits: 0, baseline: { name: 'first card of the same theme\'s deck, offline', value: largeOffline.median }, note: `samples ${largeBoard.samples.map(s => s.toFixed(0)).join(', ')} ms` },
      { section: coldSection, name: `进度看板 inside the app: tap 查看进度看板 on the theme's list to figures on screen, ${n(o.large)} points, offline`, value: boardInApp.median, unit: 'ms', digits: 0, baseline: { name: 'the board from a cold start', value: largeBoard.median }, target: atMost(boardInApp.median, 200, '≤ 200 ms'), note: `samples ${boardInApp.samples.map(s => s.toFixed(0)).join(', ')} ms` },
      ...(idbPage
        ? [
            coldFigure(`floor: ${n(o.large)} points stored, a page without a framework reads the first card from the app's IndexedDB`, idbPage, 'idb-card.html: open, one read-only transaction (deck ids, first point), innerHTML'),
            { section: coldSection, name: `${n(o.large)} points stored, offline, beside the floor`, value: largeOffline.median, unit: 'ms', digits: 0, baseline: { name: 'IndexedDB first-card page, no framework', value: idbPage.median } },
          ]
        : []),
    )

    const sw = largeOnline.extra
    const swBase = smallOnline.extra
    if (sw && swBase) {
      const s = `Deck with ${n(o.large)} points (next-card button, ${o.swipes} moves, 4× CPU throttle)`
      const baseName = `same deck with ${n(o.small)} points`
      figures.push(
        { section: s, name: 'next card: main-thread work to the next frame, p50', value: sw.work.p50, unit: 'ms', baseline: { name: baseName, value: swBase.work.p50 } },
        { section: s, name: 'next card: main-thread work to the next frame, p95', value: sw.work.p95, unit: 'ms', baseline: { name: baseName, value: swBase.work.p95 }, target: atMost(sw.work.p95, 16, '≤ 16 ms') },
        { section: s, name: 'next card: click to end of next frame (wall), p95', value: sw.toFrame.p95, unit: 'ms', baseline: { name: baseName, value: swBase.toFrame.p95 } },
        { section: s, name: `JS heap of the page after GC, ${n(o.large)} points stored, deck open`, value: sw.heapBytes / MB, unit: 'MB', baseline: { name: baseName, value: swBase.heapBytes / MB }, target: atMost(sw.heapBytes / MB, 80, '≤ 80 MB') },
        { section: s, name: 'cards in the DOM', value: sw.cardsInDom, unit: 'cards', digits: 0, baseline: { name: baseName, value: swBase.cardsInDom }, target: atMost(sw.cardsInDom, 5, '≤ 5 (a few)'), note: `deck position after the moves: ${sw.deckLength}` },
      )
    }

    o.log(`search over ${n(o.large)} points…`)
    const search = await measureSearch(o.baseUrl, large.dir, o.files.blankUrl, o.searchRounds)
    const ss = `Search over ${n(o.large)} points (searchPoints; no CPU throttle — Chromium cannot throttle the worker the app searches in, so app and scan both run at full speed: a phone is ~4× slower; queries ${SEARCH_QUERIES.join(' ')})`
    const scan = 'linear scan, String.includes over title/body/units in memory'
    figures.push(
      { section: ss, name: 'all queries, p50', value: search.all.p50, unit: 'ms', baseline: { name: scan, value: search.baseline.all.p50 } },
      { section: ss, name: 'all queries, p95', value: search.all.p95, unit: 'ms', baseline: { name: scan, value: search.baseline.all.p95 }, target: atMost(search.all.p95, 30, '≤ 30 ms') },
      { section: ss, name: 'characters, p95', value: search.characters.p95, unit: 'ms', baseline: { name: scan, value: search.baseline.characters.p95 } },
      { section: ss, name: 'pinyin initials, p95', value: search.initials.p95, unit: 'ms', baseline: { name: scan, value: search.baseline.initials.p95 }, note: 'the scan cannot match initials; its time is the floor of a full pass' },
      ...(search.idsOnly ? [{ section: ss, name: 'ids only (searchPointIds: the index, no rows read), p95', value: search.idsOnly.p95, unit: 'ms', baseline: { name: scan, value: search.baseline.all.p95 }, note: `p50 ${search.idsOnly.p50.toFixed(1)} ms; searchPoints adds reading up to 500 rows` }] : []),
      { section: ss, name: 'first query (builds the index)', value: search.indexBuildMs, unit: 'ms', digits: 0, note: `hits per query: ${Object.entries(search.hits).map(([q, h]) => `${q} ${h}`).join(', ')}` },
      { section: ss, name: 'longest main-thread long task while the index builds', value: search.longestTaskMs, unit: 'ms', digits: 0, note: `${search.longTasksDuringBuild} long task(s) (PerformanceObserver longtask); 0 means the build does not block the main thread` },
    )
    return figures
  }
  finally {
    rmSync(root, { recursive: true, force: true })
  }
}
