import type { Store } from '../store/store'
import type { InflightTracker } from './inflight'
import { Hono } from 'hono'

/** A readiness check that has not heard back from the store by then reports it down (a lost server can hang a connect). */
const READY_TIMEOUT_MS = 2_000

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/**
 * The health routes, for load balancers and supervisors. They are mounted ahead of in-flight tracking, so they
 * still answer (and say why) while the process drains, and never hold a shutdown up.
 * - `/health/live`: the process is up and its event loop turns; touches no store (a database outage must not get
 *   every process restarted). Gives the pid, so a client can tell the processes behind one port apart.
 * - `/health/ready`: this process should get traffic: it is not shutting down and its store answers a `select 1`.
 * - `/health`: the original check, kept for existing monitors.
 */
export function createHealthRoutes(deps: { store: Store, inflight: InflightTracker }) {
  const { store, inflight } = deps
  const health = new Hono()

  health.get('/', async (c) => {
    await store.query('select 1')
    return c.json({ ok: true, store: store.kind })
  })
  health.get('/live', c => c.json({ ok: true, pid: process.pid, uptime: Math.round(process.uptime()) }))
  health.get('/ready', async (c) => {
    c.header('Cache-Control', 'no-store')
    if (inflight.draining)
      return c.json({ ok: false, pid: process.pid, reason: 'shutting down' }, 503)
    try {
      await withTimeout(store.query('select 1'), READY_TIMEOUT_MS)
    }
    catch {
      return c.json({ ok: false, pid: process.pid, store: store.kind, reason: 'store unavailable' }, 503)
    }
    return c.json({ ok: true, pid: process.pid, store: store.kind })
  })
  return health
}
