/**
 * The sync server under load, in a process of its own (started by server-throughput.ts): opens the store named by
 * the environment (BENCH_PGLITE_DIR, or BENCH_DATABASE_URL + BENCH_SCHEMA), seeds it, listens on the first free
 * port of BENCH_PORTS and prints "listening <url>"; SIGTERM closes the server and the store.
 */
import type { Store } from '../../server/store/store'
import pino from 'pino'
import { startServer } from '../../server/server'
import { openPgliteStore } from '../../server/store/pglite'
import { openPostgresStore } from '../../server/store/postgres'
import { seedStore } from './server-throughput'

const env = process.env
const store: Store = env.BENCH_DATABASE_URL
  ? await openPostgresStore(env.BENCH_DATABASE_URL, { schema: env.BENCH_SCHEMA, max: 10 })
  : await openPgliteStore(env.BENCH_PGLITE_DIR)
await seedStore(store)
let server
for (const port of (env.BENCH_PORTS ?? '8780').split(',').map(Number)) {
  server = await startServer({ store, logger: pino({ level: 'warn' }), port, host: '127.0.0.1' }).catch(() => undefined)
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
