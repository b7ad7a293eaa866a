import type { Store } from '../../server/store/store'
import type { PlanData } from '../../src/domain/plan'
import type { Mutation } from '../../src/domain/progress'
import type { LoginResponse, PullResponse, PushResponse } from '../../src/domain/sync-api'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import postgres from 'postgres'
import { ensurePlanData } from '../../server/storage/plans'
import { addUser } from '../../server/storage/users'
import { migrate } from '../../server/store/migrate'
import { startInstances } from './server-instances'

/**
 * Many concurrent sync clients on loopback against a real listening server: each pushes batches of check-ins and
 * pulls every 5th round, bounded in rounds and in time. Baseline in the same run: the same clients hitting
 * GET /api/health (one `select 1` on the same store), the ceiling of a request through that server and store.
 */
export interface LoadOptions {
  clients: number[]
  seconds: number
  batch: number
  rounds: number
  ports: number[]
  /** Independent server processes on the same store, clients round-robin over them (default 1). */
  instances?: number
  /** Passed as WORKERS to each spawned server, for when it can fork workers itself (node:cluster). */
  workers?: number
}

/** The load generator's own CPU (user + system) over wall time × cores: near 1, it limits the figure. */
export interface CpuShare { loadCpu: number }

export interface LoadRow {
  clients: number
  seconds: number
  accepted: number
  failures: number
  /** Distinct failure reasons. */
  errors: string[]
  pushes: number
  pulls: number
  pushMs: number[]
  pullMs: number[]
}

export interface HealthRow { clients: number, seconds: number, requests: number, failures: number, ms: number[] }
export interface StoreResult { store: string, rows: (LoadRow & CpuShare)[], health: HealthRow & CpuShare }

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

/** The value at fraction `p` of sorted samples (NaN when empty). */
export function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
}

function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : ''
  return `${error instanceof Error ? error.message : String(error)}${cause}`
}

function batchOf(deviceId: string, size: number): Mutation[] {
  return Array.from({ length: size }, () => ({
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

async function runLoad(urls: string[], tokens: string[], clients: number, o: LoadOptions): Promise<LoadRow> {
  const pushMs: number[] = []
  const pullMs: number[] = []
  const errors = new Set<string>()
  let accepted = 0
  let failures = 0
  const deadline = performance.now() + o.seconds * 1000
  const started = performance.now()
  await Promise.all(Array.from({ length: clients }, async (_, c) => {
    const url = urls[c % urls.length]!
    const headers = { 'Content-Type': 'application/json', 'Authorization': `Bearer ${tokens[c % tokens.length]!}` }
    let cursor = ''
    for (let round = 0; round < o.rounds && performance.now() < deadline; round++) {
      try {
        const t0 = performance.now()
        const res = await fetch(`${url}/api/sync/push`, { method: 'POST', headers, body: JSON.stringify({ mutations: batchOf(`bench-${c}`, o.batch) }) })
        if (res.status !== 200) {
          failures++
          errors.add(`push HTTP ${res.status}`)
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
      catch (error) {
        // A refused or reset connection counts as a failure; the client carries on after a pause.
        failures++
        errors.add(describe(error))
        await new Promise(resolve => setTimeout(resolve, 50))
      }
    }
  }))
  pushMs.sort((a, b) => a - b)
  pullMs.sort((a, b) => a - b)
  return { clients, seconds: (performance.now() - started) / 1000, accepted, failures, errors: [...errors], pushes: pushMs.length, pulls: pullMs.length, pushMs, pullMs }
}

async function runHealth(urls: string[], clients: number, o: LoadOptions): Promise<HealthRow> {
  const ms: number[] = []
  let failures = 0
  const deadline = performance.now() + Math.max(2, o.seconds / 2) * 1000
  const started = performance.now()
  await Promise.all(Array.from({ length: clients }, async (_, c) => {
    const url = urls[c % urls.length]!
    for (let round = 0; round < o.rounds && performance.now() < deadline; round++) {
      const t0 = performance.now()
      try {
        const res = await fetch(`${url}/api/health`)
        await res.arrayBuffer()
        if (res.status === 200)
          ms.push(performance.now() - t0)
        else
          failures++
      }
      catch {
        failures++
        await new Promise(resolve => setTimeout(resolve, 50))
      }
    }
  }))
  ms.sort((a, b) => a - b)
  return { clients, seconds: (performance.now() - started) / 1000, requests: ms.length, failures, ms }
}

/** Seeds a store for the load: migrations, the bench plan, USERS users in UNITS units. */
export async function seedStore(store: Store): Promise<void> {
  await migrate(store)
  await ensurePlanData(store, () => planData)
  for (let u = 0; u < USERS; u++)
    await addUser(store, { name: `bench-${u}`, unit: `unit-${u % UNITS}`, admin: false, password: PASSWORD })
}

/** Runs `fn` and measures this process's CPU (user + system) against wall time × cores. */
async function withCpuShare<T extends object>(fn: () => Promise<T>): Promise<T & CpuShare> {
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const result = await fn()
  const cpu = process.cpuUsage(cpu0)
  const wallMicros = (performance.now() - t0) * 1000
  return { ...result, loadCpu: (cpu.user + cpu.system) / (wallMicros * availableParallelism()) }
}

/**
 * Starts the sync server in processes of its own (so the 200 simulated clients here do not share its event loop),
 * signs the users in and runs the health baseline and every client count; the processes are stopped afterwards.
 */
async function benchServerProcess(name: string, env: Record<string, string>, o: LoadOptions): Promise<StoreResult> {
  const instances = await startInstances(env, o)
  try {
    const urls = instances.map(i => i.url)
    const tokens: string[] = []
    for (let u = 0; u < USERS; u++) {
      const res = await fetch(`${urls[0]}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: `bench-${u}`, password: PASSWORD }) })
      tokens.push((await res.json() as LoginResponse).token)
    }
    // A short unmeasured round first: a cold server (JIT, the pool's first connections) would flatter neither figure.
    await runLoad(urls, tokens, Math.max(...o.clients), { ...o, seconds: 2 })
    await runHealth(urls, Math.max(...o.clients), { ...o, seconds: 2 })
    const health = await withCpuShare(() => runHealth(urls, Math.max(...o.clients), o))
    const rows: (LoadRow & CpuShare)[] = []
    for (const clients of o.clients)
      rows.push(await withCpuShare(() => runLoad(urls, tokens, clients, o)))
    const label = (o.instances ?? 1) > 1 ? `${name}, ${o.instances} instances` : name
    return { store: o.workers ? `${label}, WORKERS=${o.workers}` : label, rows, health }
  }
  finally {
    await Promise.all(instances.map(i => i.stop()))
  }
}

/** PGlite on disk (like `npm start`) in a scratch directory, removed afterwards. */
export async function benchPglite(o: LoadOptions): Promise<StoreResult> {
  const dir = mkdtempSync(join(tmpdir(), 'ydt-bench-'))
  try {
    return await benchServerProcess('PGlite (disk)', { BENCH_PGLITE_DIR: join(dir, 'pglite') }, o)
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** PostgreSQL at `url`, in a scratch schema dropped afterwards. */
export async function benchPostgres(url: string, o: LoadOptions): Promise<StoreResult> {
  const schema = `bench_${Date.now()}`
  const admin = postgres(url, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create schema ${schema}`)
  try {
    return await benchServerProcess('PostgreSQL', { BENCH_DATABASE_URL: url, BENCH_SCHEMA: schema }, o)
  }
  finally {
    await admin.unsafe(`drop schema ${schema} cascade`)
    await admin.end()
  }
}
