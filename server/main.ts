import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildPlanDataFromDir } from '../scripts/seed-plan-data'
import { newToken } from './auth/tokens'
import { writeControlFile } from './control-file'
import { createLogger } from './log'
import { photoLimitsFromEnv } from './photo-limits-env'
import { startServer } from './server'
import { ensurePlanData } from './storage/plans'
import { migrate } from './store/migrate'
import { openStore } from './store/open'

/**
 * `npm start`: builds the PWA when dist/ is missing, opens the store (PGlite in
 * ./data/pglite, or DATABASE_URL), migrates, seeds the plan data, and serves.
 */
const root = fileURLToPath(new URL('..', import.meta.url))
const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'info' })
const distDir = process.env.DIST_DIR ?? `${root}dist`
const port = Number(process.env.PORT ?? 8787)
const host = process.env.HOST ?? '0.0.0.0'

if (!Number.isInteger(port) || port < 1 || port > 65535) {
  logger.fatal({ port: process.env.PORT }, 'PORT must be a port number')
  process.exit(1)
}

const photoLimitsRead = photoLimitsFromEnv(process.env)
if ('error' in photoLimitsRead) {
  logger.fatal(photoLimitsRead.error)
  process.exit(1)
}
const photoLimits = photoLimitsRead.limits

if (!existsSync(`${distDir}/index.html`)) {
  logger.info({ distDir }, 'no build found, running vite build')
  const build = spawnSync('npx', ['vite', 'build', '--outDir', distDir, '--emptyOutDir'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) {
    logger.fatal('vite build failed')
    process.exit(1)
  }
}

async function main(): Promise<void> {
  const store = await openStore({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR ?? `${root}data/pglite` })
  const applied = await migrate(store)
  if (applied.length > 0)
    logger.info({ applied }, 'migrations applied')
  const plans = await ensurePlanData(store, async () => {
    const { data, diagnostics } = await buildPlanDataFromDir(`${root}seeds`)
    logger.info({ plans: data.plans.length, diagnostics: diagnostics.length }, 'plan data built from seeds')
    return data
  })

  // The PGlite directory is this process's alone: `npm run user` manages accounts through the API with this token.
  const controlToken = store.kind === 'pglite' && store.dataDir ? newToken() : undefined
  const server = await startServer({ store, logger, distDir, port, host, controlToken, photoLimits })
  const removeControlFile = controlToken && store.dataDir
    ? writeControlFile(store.dataDir, { pid: process.pid, port: server.port, host, token: controlToken })
    : () => {}
  logger.info({ url: server.url, store: store.kind, planVersion: plans.version }, 'listening')

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
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

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'failed to start')
  process.exit(1)
})
