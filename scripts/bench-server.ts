import type { Store } from '../server/store/store'
import type { PlanData } from '../src/domain/plan'
import type { Mutation } from '../src/domain/progress'
import type { LoginResponse, PullResponse, PushResponse } from '../src/domain/sync-api'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import pino from 'pino'
import postgres from 'postgres'
import { startServer } from '../server/server'
import { ensurePlanData } from '../server/storage/plans'
import { addUser } from '../server/storage/users'
import { migrate } from '../server/store/migrate'
import { openPgliteStore } from '../server/store/pglite'
import { openPostgresStore } from '../server/store/postgres'

/**
 * `npm run bench:server -- [--clients 50,200] [--seconds 10] [--batch 10]`
 * Many concurrent sync clients on loopback against a real listening server:
 * each pushes batches of check-ins and pulls every few rounds, bounded in time
 * and in rounds. Runs on PGlite (on disk, like `npm start`) and, when
 * DATABASE_URL is set, on PostgreSQL (in a scratch schema, dropped afterwards).
 */
const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '50,200' },
    seconds: { type: 'string', default: '10' },
    batch: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '1000' },
  },
})
const CLIENTS = values.clients.split(',').map(Number)
const SECONDS = Number(values.seconds)
const BATCH = Number(values.batch)
const MAX_ROUNDS = Number(values.rounds)
const USERS = 20
const UNITS = 5
const POINTS = 200
const PASSWORD = 'bench password'

const planData: PlanData = {
  version: 'bench',
  themes: [{ id: 'bench', name: '基准', icon: 'i-bench', keywords: [] }],
  plans: [{
    id: 'bench-plan',
    title: '基准测试工作要点',
    region: '湖南省',
    level: 'province',
    year: 2023,
    sources: ['bench.txt'],
    sections: [{
      no: 1,
      title: '基准',
      points: Array.from({ length: POINTS }, (_, i) => ({
        id: `bench-plan-${i + 1}`,
        no: i + 1,
        title: `要点${i + 1}`,
        body: '',
        leadUnits: [],
        partnerUnits: [],
        responsibility: '',
        deadlines: [],
        targets: [],
        themes: ['bench'],
        related: [],
      })),
    }],
  }],
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
}

function batchOf(deviceId: string): Mutation[] {
  return Array.from({ length: BATCH }, () => ({
    id: randomUUID(),
    kind: 'checkin.create' as const,
    checkin: {
      id: randomUUID(),
      pointId: `bench-plan-${1 + Math.floor(Math.random() * POINTS)}`,
      status: 'in_progress' as const,
      progress: Math.floor(Math.random() * 101),
      note: '基准测试打卡',
      createdAt: new Date().toISOString(),
      deviceId,
    },
  }))
}

async function runRound(url: string, tokens: string[], clients: number) {
  const pushMs: number[] = []
  const pullMs: number[] = []
  let accepted = 0
  let failures = 0
  const deadline = performance.now() + SECONDS * 1000
  const started = performance.now()
  await Promise.all(Array.from({ length: clients }, async (_, c) => {
    const token = tokens[c % tokens.length]!
    const headers = { 'Content-Type': 'application/json', 'Authorization': `Bearer ${token}` }
    let cursor = ''
    for (let round = 0; round < MAX_ROUNDS && performance.now() < deadline; round++) {
      const t0 = performance.now()
      const res = await fetch(`${url}/api/sync/push`, { method: 'POST', headers, body: JSON.stringify({ mutations: batchOf(`bench-${c}`) }) })
      if (res.status !== 200) {
        failures++
        await res.arrayBuffer()
        continue
      }
      const body = await res.json() as PushResponse
      pushMs.push(performance.now() - t0)
      accepted += body.results.filter(r => r.status === 'accepted').length
      if (round % 5 === 4) {
        const t1 = performance.now()
        const pull = await fetch(`${url}/api/sync/pull?cursor=${cursor}&limit=500`, { headers })
        const page = await pull.json() as PullResponse
        pullMs.push(performance.now() - t1)
        cursor = page.nextCursor
      }
    }
  }))
  const seconds = (performance.now() - started) / 1000
  pushMs.sort((a, b) => a - b)
  pullMs.sort((a, b) => a - b)
  return { clients, seconds, accepted, failures, pushes: pushMs.length, pulls: pullMs.length, pushMs, pullMs }
}

async function bench(name: string, store: Store): Promise<void> {
  await migrate(store)
  await ensurePlanData(store, () => planData)
  for (let u = 0; u < USERS; u++)
    await addUser(store, { name: `bench-${u}`, unit: `unit-${u % UNITS}`, admin: false, password: PASSWORD })
  let server
  for (let port = 8795; port <= 8799 && !server; port++)
    server = await startServer({ store, logger: pino({ level: 'warn' }), port, host: '127.0.0.1' }).catch(() => undefined)
  if (!server)
    throw new Error('no free port in 8795-8799')
  try {
    const tokens: string[] = []
    for (let u = 0; u < USERS; u++) {
      const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: `bench-${u}`, password: PASSWORD }) })
      tokens.push((await res.json() as LoginResponse).token)
    }
    for (const clients of CLIENTS) {
      const r = await runRound(server.url, tokens, clients)
      const fmt = (n: number) => n.toFixed(1)
      console.log(`| ${name} | ${clients} | ${BATCH} | ${fmt(r.seconds)} | ${r.pushes} | ${Math.round(r.accepted / r.seconds)} | ${fmt(percentile(r.pushMs, 0.5))} | ${fmt(percentile(r.pushMs, 0.99))} | ${r.pulls} | ${fmt(percentile(r.pullMs, 0.5))} | ${r.failures} |`)
    }
  }
  finally {
    await server.close()
  }
}

console.log(`Node ${process.version}, ${USERS} users in ${UNITS} units, batches of ${BATCH} check-ins, ${SECONDS} s per run, a pull every 5th push\n`)
console.log('| store | clients | batch | seconds | pushes | accepted check-ins/s | push p50 ms | push p99 ms | pulls | pull p50 ms | failed |')
console.log('|---|---|---|---|---|---|---|---|---|---|---|')

const dir = mkdtempSync(join(tmpdir(), 'ydt-bench-'))
try {
  await bench('PGlite (disk)', await openPgliteStore(join(dir, 'pglite')))
}
finally {
  rmSync(dir, { recursive: true, force: true })
}

const url = process.env.DATABASE_URL
if (url) {
  const schema = `bench_${Date.now()}`
  const admin = postgres(url, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create schema ${schema}`)
  try {
    await bench('PostgreSQL', await openPostgresStore(url, { schema, max: 10 }))
  }
  finally {
    await admin.unsafe(`drop schema ${schema} cascade`)
    await admin.end()
  }
}
