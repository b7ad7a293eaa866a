import type { Logger } from 'pino'
import type { PhotoLimits } from './photos-api'
import type { Store } from './store/store'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { buildPlanDataFromDir } from '../scripts/seed-plan-data'
import { newToken } from './auth/tokens'
import { writeControlFile } from './control-file'
import { startServer } from './server'
import { ensurePlanData } from './storage/plans'
import { migrate } from './store/migrate'

/** Runs `vite build` into `distDir` when it holds no index.html; false when the build failed. */
export function ensureBuild(root: string, distDir: string, logger: Logger): boolean {
  if (existsSync(`${distDir}/index.html`))
    return true
  logger.info({ distDir }, 'no build found, running vite build')
  const build = spawnSync('npx', ['vite', 'build', '--outDir', distDir, '--emptyOutDir'], { cwd: root, stdio: 'inherit' })
  return build.status === 0
}

/** Migrates the store and seeds the plan data from `seedsDir` when none is published; done once per start, before serving. */
export async function prepareStore(store: Store, seedsDir: string, logger: Logger): Promise<void> {
  const applied = await migrate(store)
  if (applied.length > 0)
    logger.info({ applied }, 'migrations applied')
  const plans = await ensurePlanData(store, async () => {
    const { data, diagnostics } = await buildPlanDataFromDir(seedsDir)
    logger.info({ plans: data.plans.length, diagnostics: diagnostics.length }, 'plan data built from seeds')
    return data
  })
  logger.info({ planVersion: plans.version }, 'plan data ready')
}

export interface ServeOptions {
  store: Store
  logger: Logger
  distDir: string
  port: number
  host: string
  photoLimits: Partial<PhotoLimits>
  trustedProxies: ReadonlySet<string>
}

/** Serves until SIGTERM/SIGINT, then stops accepting, finishes requests in progress, closes the store and exits 0. */
export async function serveUntilSignal(options: ServeOptions): Promise<void> {
  const { store, logger, host } = options
  // The PGlite directory is this process's alone: `npm run user` manages accounts through the API with this token.
  const controlToken = store.kind === 'pglite' && store.dataDir ? newToken() : undefined
  const server = await startServer({ ...options, controlToken })
  const removeControlFile = controlToken && store.dataDir
    ? writeControlFile(store.dataDir, { pid: process.pid, port: server.port, host, token: controlToken })
    : () => {}
  logger.info({ url: server.url, store: store.kind }, 'listening')

  // A terminal's Ctrl-C reaches a cluster's workers twice (SIGINT from the terminal, SIGTERM from the primary).
  let stopping = false
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping)
        return
      stopping = true
      logger.info({ signal }, 'shutting down')
      removeControlFile()
      server.close().then(
        () => {
          logger.info('stopped')
          process.exit(0)
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed')
          process.exit(1)
        },
      )
    })
  }
}
