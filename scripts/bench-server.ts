import type { LoadOptions, StoreResult } from './bench/server-throughput'
import { parseArgs } from 'node:util'
import { benchPglite, benchPostgres, percentile } from './bench/server-throughput'

/**
 * `npm run bench:server -- [--clients 50,200] [--seconds 10] [--batch 10] [--stores pglite,postgres]
 *   [--instances 1,2] [--workers N] [--ports 8785-8789]`
 * Many concurrent sync clients on loopback against a real listening server:
 * each pushes batches of check-ins and pulls every few rounds, bounded in time
 * and in rounds. Runs on PGlite (on disk, like `npm start`) and, when
 * DATABASE_URL or TEST_DATABASE_URL is set, on PostgreSQL (in a scratch schema,
 * dropped afterwards). `--instances 1,2` runs PostgreSQL once with one server
 * process and once with two independent ones (clients round-robin); `--workers`
 * sets WORKERS for each spawned server. Each row is beside GET /api/health at
 * the same concurrency in the same run, with the load generator's CPU share.
 * `npm run bench` runs the same load (scripts/bench/run.ts).
 */
const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '50,200' },
    seconds: { type: 'string', default: '10' },
    batch: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '1000' },
    stores: { type: 'string', default: 'pglite,postgres' },
    instances: { type: 'string', default: '1' },
    workers: { type: 'string' },
    ports: { type: 'string', default: '8785-8789' },
  },
})
const [first, last] = values.ports.split('-').map(Number) as [number, number]
const options: LoadOptions = {
  clients: values.clients.split(',').map(Number),
  seconds: Number(values.seconds),
  batch: Number(values.batch),
  rounds: Number(values.rounds),
  ports: Array.from({ length: (last ?? first) - first + 1 }, (_, i) => first + i),
  workers: values.workers ? Number(values.workers) : undefined,
}
const stores = values.stores.split(',')

const fmt = (n: number) => n.toFixed(1)
const pct = (n: number) => `${Math.round(n * 100)} %`
function print(r: StoreResult): void {
  const healthRate = r.health.requests / r.health.seconds
  for (const row of r.rows) {
    const accepted = row.accepted / row.seconds
    if (row.errors.length)
      console.error(`${r.store}, ${row.clients} clients: ${row.failures} failed: ${row.errors.join('; ')}`)
    console.log(`| ${r.store} | ${row.clients} | ${options.batch} | ${fmt(row.seconds)} | ${row.pushes} | ${Math.round(accepted)} | ${fmt(percentile(row.pushMs, 0.5))} | ${fmt(percentile(row.pushMs, 0.99))} | ${row.pulls} | ${fmt(percentile(row.pullMs, 0.5))} | ${Math.round(healthRate)} | ${(accepted / healthRate).toFixed(2)}× | ${pct(row.loadCpu)} | ${row.failures} |`)
  }
  console.log(`| ${r.store}, GET /api/health (baseline) | ${r.health.clients} | – | ${fmt(r.health.seconds)} | ${r.health.requests} | ${Math.round(healthRate)} req/s | ${fmt(percentile(r.health.ms, 0.5))} | ${fmt(percentile(r.health.ms, 0.99))} | – | – | – | – | ${pct(r.health.loadCpu)} | ${r.health.failures} |`)
}

console.log(`Node ${process.version}, 20 users in 5 units, batches of ${options.batch} check-ins, ${options.seconds} s per run, a pull every 5th push\n`)
console.log('| store | clients | batch | seconds | pushes | accepted check-ins/s | push p50 ms | push p99 ms | pulls | pull p50 ms | health req/s | check-ins/s ÷ health req/s | load generator CPU | failed |')
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|')
if (stores.includes('pglite'))
  print(await benchPglite(options))
const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL
if (url && stores.includes('postgres')) {
  for (const instances of values.instances.split(',').map(Number))
    print(await benchPostgres(url, { ...options, instances }))
}
