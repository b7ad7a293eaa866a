/**
 * The sync server under load, in a process of its own (started by server-throughput.ts): opens the store named by
 * the environment (BENCH_PGLITE_DIR, or BENCH_DATABASE_URL + BENCH_SCHEMA), seeds it, listens on the first free
 * port of BENCH_PORTS and prints "listening <url>"; SIGTERM closes the server and the store. BENCH_SEED=0 skips the
 * seeding (a second instance on a store the first one seeded). Warnings and errors go to stderr, which the bench shows. BENCH_POOL_MAX pins the PostgreSQL pool size
 * (otherwise the server's own default). WORKERS is the hook for node:cluster workers, which this process does not fork.
 */
import type { Store } from '../../server/store/store'
import pino from 'pino'
import { startServer } from '../../server/server'
import { openPgliteStore } from '../../server/store/pglite'
import { openPostgresStore } from '../../server/store/postgres'
import { seedStore } from './server-throughput'

const env = process.env
const store: Store = env.BENCH_DATABASE_URL
  ? await openPostgresStore(env.BENCH_DATABASE_URL, { schema: env.BENCH_SCHEMA, max: env.BENCH_POOL_MAX ? Number(env.BENCH_POOL_MAX) : undefined })
  : await openPgliteStore(env.BENCH_PGLITE_DIR)
if (env.BENCH_SEED !== '0')
  await seedStore(store)
if (env.WORKERS)
  console.error(`bench server: WORKERS=${env.WORKERS} is passed through, but this process serves alone (no node:cluster here)`)
let server
for (const port of (env.BENCH_PORTS ?? '8780').split(',').map(Number)) {
  server = await startServer({ store, logger: pino({ level: 'warn' }, pino.destination(2)), port, host: '127.0.0.1' }).catch(() => undefined)
  if (server)
    break
}
if (!server) {
  console.error(`bench server: no free port in ${env.BENCH_PORTS}`)
  await store.close()
  process.exit(1)
}
const running = server
console.log(`listening ${running.url}`)
process.once('SIGTERM', () => {
  running.close().then(() => process.exit(0), () => process.exit(1))
})
