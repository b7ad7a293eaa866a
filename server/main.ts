import cluster from 'node:cluster'
import { fileURLToPath } from 'node:url'
import { ensureBuild, prepareStore, serveUntilSignal } from './boot'
import { runPrimary } from './cluster'
import { trustedProxiesFromEnv } from './http/client-ip'
import { createLogger } from './log'
import { photoLimitsFromEnv } from './photo-limits-env'
import { openStore } from './store/open'
import { workersFromEnv } from './workers-env'

/**
 * `npm start`: builds the PWA when dist/ is missing, opens the store (PGlite in ./data/pglite, or DATABASE_URL),
 * migrates, seeds the plan data, and serves; with WORKERS=N (PostgreSQL only) the primary does the first part
 * once and then runs N worker processes that only serve.
 */
const root = fileURLToPath(new URL('..', import.meta.url))
const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'info' })
const distDir = process.env.DIST_DIR ?? `${root}dist`
const port = Number(process.env.PORT ?? 8787)
const host = process.env.HOST ?? '0.0.0.0'

function fail(message: string, fields: Record<string, unknown> = {}): never {
  logger.fatal(fields, message)
  // pino writes synchronously to stdout; the words also go to stderr for whoever started us by hand.
  process.stderr.write(`${message}\n`)
  process.exit(1)
}

if (!Number.isInteger(port) || port < 1 || port > 65535)
  fail(`PORT must be a port number (got "${process.env.PORT}")`)
const photoLimitsRead = photoLimitsFromEnv(process.env)
if ('error' in photoLimitsRead)
  fail(photoLimitsRead.error)
const photoLimits = photoLimitsRead.limits
const workersRead = workersFromEnv(process.env)
if ('error' in workersRead)
  fail(workersRead.error)
const { workers } = workersRead
const proxiesRead = trustedProxiesFromEnv(process.env)
if ('error' in proxiesRead)
  fail(proxiesRead.error)
const trustedProxies = proxiesRead.proxies

async function main(): Promise<void> {
  // Built before the store opens, so a PGlite directory is not held locked through a build.
  if (cluster.isPrimary && !ensureBuild(root, distDir, logger))
    fail('vite build failed')
  const store = await openStore({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR ?? `${root}data/pglite` })
  const serve = () => serveUntilSignal({ store, logger, distDir, port, host, photoLimits, trustedProxies })
  if (cluster.isWorker)
    return serve()
  await prepareStore(store, `${root}seeds`, logger)
  if (workers === 1)
    return serve()
  // Workers open their own pools; the primary only supervises them.
  await store.close()
  const code = await runPrimary({ workers, logger })
  logger.info({ code }, 'stopped')
  process.exit(code)
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'failed to start')
  process.exit(1)
})
