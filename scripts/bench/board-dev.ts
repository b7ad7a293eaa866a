import type { PlanData } from '../../src/domain/plan'
/**
 * Development loop for the 进度看板 at scale (not part of `npm run bench`): builds the bench dist once, prepares a
 * profile with POINTS points once (kept in .tmp/bench/board-profile), then measures the theme's board cold and in the
 * app, the 我的单位 board in the app (the corpus's most named lead unit, picked on the device), and the filter bars of
 * the theme's and the unit's lists. `--parts theme,unit,lists,cold` picks figures; `--port` the first of two ports.
 * `npx tsx scripts/bench/board-dev.ts [--rebuild] [--points 100000] [--rounds 3] [--parts …] [--port 4340]`
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { isCollectiveUnit, qualifyUnit } from '../../src/domain/unit-match'
import { boardFromList } from './browser/board-in-app'
import { coldStarts } from './browser/cold-start'
import { filterBarTimes } from './browser/list-filters'
import { prepareProfile } from './browser/profile'
import { writeBenchFiles } from './corpus-files'

const { values } = parseArgs({ options: { rebuild: { type: 'boolean', default: false }, points: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '3' }, fresh: { type: 'boolean', default: false }, parts: { type: 'string', default: 'theme,unit,lists,cold' }, port: { type: 'string', default: '4340' } } })
const root = fileURLToPath(new URL('../..', import.meta.url))
const dist = join(root, '.tmp/bench/dist')
const profile = join(root, '.tmp/bench/board-profile')
const points = Number(values.points)
const rounds = Number(values.rounds)
const parts = new Set(values.parts.split(','))
const port = Number(values.port)

/** The lead unit most points of the corpus name (with its region, as 我的单位 is picked). */
function topUnit(file: string): string {
  const data = JSON.parse(readFileSync(file, 'utf8')) as PlanData
  const counts = new Map<string, number>()
  for (const plan of data.plans) {
    for (const point of plan.sections.flatMap(s => s.points)) {
      for (const u of new Set(point.leadUnits.filter(u => !isCollectiveUnit(u)).map(u => qualifyUnit(u, plan))))
        counts.set(u, (counts.get(u) ?? 0) + 1)
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]
}
function ms(label: string, r: { median: number, samples: number[] }) {
  console.log(`${label}: median ${r.median.toFixed(0)} ms (${r.samples.map(s => s.toFixed(0)).join(', ')})`)
}
function run(cmd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed`)
}
if (values.rebuild || !existsSync(join(dist, 'index.html'))) {
  run('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir'])
  run('npx', ['vite', 'build', '--config', 'scripts/bench/vite.bench.config.ts'], { BENCH_DIST_DIR: dist })
}
const files = await writeBenchFiles(dist, [points])
const server = await (await import('./serve-dist')).serveDist(dist, [port, port + 1])
try {
  if (values.fresh || values.rebuild || !existsSync(profile)) {
    rmSync(profile, { recursive: true, force: true })
    const p = await prepareProfile(server.url, profile, files.corpusUrl(points), files.blankUrl)
    console.log(`imported ${p.points} points in ${(p.app.ms / 1000).toFixed(1)} s`)
  }
  if (parts.has('theme'))
    ms('board from the list, in the app', await boardFromList(server.url, profile, files.listUrl, rounds))
  const unit = topUnit(join(dist, files.corpusUrl(points)))
  const pickUnit = `localStorage.setItem('ydt:my-unit', ${JSON.stringify(unit)})`
  const unitList = `/list?kind=unit&unit=${encodeURIComponent(unit)}`
  if (parts.has('unit')) {
    ms(`我的单位 board (${unit}) from its list, in the app`, await boardFromList(server.url, profile, unitList, rounds, pickUnit))
    ms(`我的单位 board from its list once the list's counts are done`, await boardFromList(server.url, profile, unitList, rounds, pickUnit, '.list-filters__bar'))
  }
  if (parts.has('lists')) {
    ms('theme list, navigation to its filter bar', await filterBarTimes(server.url, profile, files.listUrl, rounds))
    ms(`我的单位 list (${unit}), navigation to its filter bar`, await filterBarTimes(server.url, profile, unitList, rounds, pickUnit))
  }
  if (parts.has('cold')) {
    ms('board cold start, offline', await coldStarts(server.url, profile, files.boardUrl, 'offline', rounds))
    // The baseline of the same run: how loaded the machine is.
    ms('static first-card page, cold', await coldStarts(server.url, profile, files.staticCardUrl, 'online', rounds))
  }
}
finally {
  await server.close()
}
