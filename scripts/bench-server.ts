import type { StoreResult } from './bench/server-throughput'
import { parseArgs } from 'node:util'
import { benchPglite, benchPostgres, percentile } from './bench/server-throughput'

/**
 * `npm run bench:server -- [--clients 50,200] [--seconds 10] [--batch 10]`
 * Many concurrent sync clients on loopback against a real listening server:
 * each pushes batches of check-ins and pulls every few rounds, bounded in time
 * and in rounds. Runs on PGlite (on disk, like `npm start`) and, when
 * DATABASE_URL or TEST_DATABASE_URL is set, on PostgreSQL (in a scratch schema,
 * dropped afterwards). `npm run bench` runs the same load (scripts/bench/run.ts).
 */
const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '50,200' },
    seconds: { type: 'string', default: '10' },
    batch: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '1000' },
  },
})
const options = {
  clients: values.clients.split(',').map(Number),
  seconds: Number(values.seconds),
  batch: Number(values.batch),
  rounds: Number(values.rounds),
  ports: [8785, 8786, 8787, 8788, 8789],
}

const fmt = (n: number) => n.toFixed(1)
function print(r: StoreResult): void {
  for (const row of r.rows)
    console.log(`| ${r.store} | ${row.clients} | ${options.batch} | ${fmt(row.seconds)} | ${row.pushes} | ${Math.round(row.accepted / row.seconds)} | ${fmt(percentile(row.pushMs, 0.5))} | ${fmt(percentile(row.pushMs, 0.99))} | ${row.pulls} | ${fmt(percentile(row.pullMs, 0.5))} | ${row.failures} |`)
  console.log(`| ${r.store}, GET /api/health (baseline) | ${r.health.clients} | – | ${fmt(r.health.seconds)} | ${r.health.requests} | ${Math.round(r.health.requests / r.health.seconds)} req/s | ${fmt(percentile(r.health.ms, 0.5))} | ${fmt(percentile(r.health.ms, 0.99))} | – | – | ${r.health.failures} |`)
}

console.log(`Node ${process.version}, 20 users in 5 units, batches of ${options.batch} check-ins, ${options.seconds} s per run, a pull every 5th push\n`)
console.log('| store | clients | batch | seconds | pushes | accepted check-ins/s | push p50 ms | push p99 ms | pulls | pull p50 ms | failed |')
console.log('|---|---|---|---|---|---|---|---|---|---|---|')
print(await benchPglite(options))
const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL
if (url)
  print(await benchPostgres(url, options))
