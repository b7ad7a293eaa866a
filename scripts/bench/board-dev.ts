/**
 * Development loop for the 进度看板 at scale (not part of `npm run bench`): builds the bench dist once, prepares a
 * profile with POINTS points once (kept in .tmp/bench/board-profile), then measures the board cold and in the app.
 * `npx tsx scripts/bench/board-dev.ts [--rebuild] [--points 100000] [--rounds 3]`
 */
import { spawnSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { boardFromList } from './browser/board-in-app'
import { coldStarts } from './browser/cold-start'
import { prepareProfile } from './browser/profile'
import { writeBenchFiles } from './corpus-files'

const { values } = parseArgs({ options: { rebuild: { type: 'boolean', default: false }, points: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '3' }, fresh: { type: 'boolean', default: false } } })
const root = fileURLToPath(new URL('../..', import.meta.url))
const dist = join(root, '.tmp/bench/dist')
const profile = join(root, '.tmp/bench/board-profile')
const points = Number(values.points)
const rounds = Number(values.rounds)
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
const server = await (await import('./serve-dist')).serveDist(dist, [4340, 4341])
try {
  if (values.fresh || values.rebuild || !existsSync(profile)) {
    rmSync(profile, { recursive: true, force: true })
    const p = await prepareProfile(server.url, profile, files.corpusUrl(points), files.blankUrl)
    console.log(`imported ${p.points} points in ${(p.app.ms / 1000).toFixed(1)} s`)
  }
  const inApp = await boardFromList(server.url, profile, files.listUrl, rounds)
  console.log(`board from the list, in the app: median ${inApp.median.toFixed(0)} ms (${inApp.samples.map(s => s.toFixed(0)).join(', ')})`)
  const cold = await coldStarts(server.url, profile, files.boardUrl, 'offline', rounds)
  console.log(`board cold start, offline: median ${cold.median.toFixed(0)} ms (${cold.samples.map(s => s.toFixed(0)).join(', ')})`)
  // The baseline of the same run: how loaded the machine is.
  const plain = await coldStarts(server.url, profile, files.staticCardUrl, 'online', rounds)
  console.log(`static first-card page, cold: median ${plain.median.toFixed(0)} ms (${plain.samples.map(s => s.toFixed(0)).join(', ')})`)
}
finally {
  await server.close()
}
