/**
 * The sync server under load, in a process of its own (started by server-throughput.ts): opens the store named by
 * the environment (BENCH_PGLITE_DIR, or BENCH_DATABASE_URL + BENCH_SCHEMA), seeds it, listens on the first free
 * port of BENCH_PORTS and prints "listening <url>"; SIGTERM closes the server and the store. BENCH_SEED=0 skips the
 * seeding (a second instance on a store the first one seeded). Warnings and errors go to stderr, which the bench shows. BENCH_POOL_MAX pins the PostgreSQL pool size
 * (otherwise the server's own default). WORKERS=N (N > 1) runs the server's own cluster primary (server/cluster.ts):
 * this process seeds, picks the port and forks N workers that share it, as `WORKERS=N npm start` does.
 */
import type { Store } from '../../server/store/store'
import cluster from 'node:cluster'
import { createServer } from 'node:net'
import pino from 'pino'
import { runPrimary } from '../../server/cluster'
import { startServer } from '../../server/server'
import { openPgliteStore } from '../../server/store/pglite'
import { openPostgresStore } from '../../server/store/postgres'
import { seedStore } from './server-throughput'

const env = process.env
const workers = Number(env.WORKERS ?? 1)
const ports = (env.BENCH_PORTS ?? '8780').split(',').map(Number)
const logger = pino({ level: 'warn' }, pino.destination(2))

if (workers > 1 && cluster.isPrimary) {
  const seeding: Store = await openStore()
  if (env.BENCH_SEED !== '0')
    await seedStore(seeding)
  await seeding.close()
  const port = await firstFreePort(ports)
  // The workers inherit these: one port for all, and no second seeding.
  env.BENCH_PORTS = String(port)
  env.BENCH_SEED = '0'
  let listening = 0
  cluster.on('listening', () => {
    if (++listening === workers)
      console.log(`listening http://127.0.0.1:${port}`)
  })
  process.exit(await runPrimary({ workers, logger }))
}

function openStore(): Promise<Store> {
  return env.BENCH_DATABASE_URL
    ? openPostgresStore(env.BENCH_DATABASE_URL, { schema: env.BENCH_SCHEMA, max: env.BENCH_POOL_MAX ? Number(env.BENCH_POOL_MAX) : undefined })
    : openPgliteStore(env.BENCH_PGLITE_DIR)
}

async function firstFreePort(candidates: number[]): Promise<number> {
  for (const port of candidates) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer().once('error', () => resolve(false)).listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
    })
    if (free)
      return port
  }
  console.error(`bench server: no free port in ${candidates.join(',')}`)
  process.exit(1)
}

const store: Store = await openStore()
if (env.BENCH_SEED !== '0')
  await seedStore(store)
let server
for (const port of ports) {
  server = await startServer({ store, logger, port, host: '127.0.0.1' }).catch(() => undefined)
  if (server)
    break
}
if (!server) {
  console.error(`bench server: no free port in ${env.BENCH_PORTS}`)
  await store.close()
  process.exit(1)
}
const running = server
// A cluster worker: the primary says when all of them listen.
if (!cluster.isWorker)
  console.log(`listening ${running.url}`)
process.once('SIGTERM', () => {
  running.close().then(() => process.exit(0), () => process.exit(1))
})
