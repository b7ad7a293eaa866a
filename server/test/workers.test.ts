import type { PlanData } from '../../src/domain/plan'
import type { Store } from '../store/store'
import type { ServerProcess } from './support/server-process'
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRestartBudget } from '../cluster'
import { addUser } from '../storage/users'
import { isAlive } from '../store/dir-lock'
import { loadMigrations } from '../store/migrate'
import { openPostgresStore } from '../store/postgres'
import { checkinMutation } from './fixtures'
import { PASSWORD } from './harness'
import { itRunsPostgresWhenRequired, postgresUrl, scratchSchema } from './stores'
import { call, push, token, waitForPushTransaction } from './support/http-client'
import { fixtureDist, freePort, getFresh, spawnMain, startMain, waitFor } from './support/server-process'

interface Live { ok: boolean, pid: number }

const dist = fixtureDist()
afterAll(() => rmSync(dist, { recursive: true, force: true }))

describe('the restart budget', () => {
  it('allows so many restarts in a rolling window, then refuses until old ones leave it', () => {
    let now = 0
    const budget = createRestartBudget({ max: 3, windowMs: 60_000, now: () => now })
    expect([budget.allow(), budget.allow(), budget.allow(), budget.allow()]).toEqual([true, true, true, false])
    now = 59_999
    expect(budget.allow()).toBe(false)
    now = 60_000
    expect([budget.allow(), budget.allow(), budget.allow(), budget.allow()]).toEqual([true, true, true, false])
  })
})

describe('a WORKERS value that cannot work', () => {
  it.concurrent.each([
    ['2', '', /WORKERS=2 needs DATABASE_URL: the embedded PGlite store allows one server process only/],
    ['0', '', /WORKERS must be a whole number from 1 to 64 \(got "0"\)/],
    ['-1', 'postgres://nobody@127.0.0.1:1/none', /WORKERS must be a whole number from 1 to 64 \(got "-1"\)/],
    ['abc', 'postgres://nobody@127.0.0.1:1/none', /WORKERS must be a whole number from 1 to 64 \(got "abc"\)/],
  ])('stops the start: WORKERS=%s, DATABASE_URL "%s"', async (workers, databaseUrl, message) => {
    const server = spawnMain({ WORKERS: workers, DATABASE_URL: databaseUrl, DIST_DIR: dist, PORT: '4799' })
    const exit = await server.exited
    expect(exit.code).not.toBe(0)
    expect(server.output()).toMatch(message)
  })
})

describe('a cluster of 2 workers on PostgreSQL', () => {
  itRunsPostgresWhenRequired()

  describe.each(postgresUrl ? [postgresUrl] : [])('one primary, two workers', (url) => {
    let scratch: Awaited<ReturnType<typeof scratchSchema>>
    let server: ServerProcess
    let store: Store
    const appName = `ydt_workers_${randomBytes(4).toString('hex')}`
    let databaseUrl: string

    /** The pids answering /api/health/live over new connections, until `count` distinct ones have answered. */
    const servingPids = (count: number, not: number[] = []) => waitFor(`${count} workers serving`, async () => {
      const pids = new Set<number>()
      for (let i = 0; i < 8; i++) {
        const { body } = await getFresh<Live>(`${server.url}/api/health/live`).catch(() => ({ body: undefined }))
        if (body && !not.includes(body.pid))
          pids.add(body.pid)
      }
      return pids.size >= count ? [...pids] : undefined
    }, 60_000)

    beforeAll(async () => {
      scratch = await scratchSchema(url, 'test_workers')
      databaseUrl = `${scratch.url}&application_name=${appName}`
      server = await startMain({ WORKERS: '2', DATABASE_URL: databaseUrl, DIST_DIR: dist, LOG_LEVEL: 'info' }, [4740, 4769])
      store = await openPostgresStore(url, { schema: scratch.schema, max: 2 })
    }, 90_000)
    afterAll(async () => {
      await server?.stop('SIGKILL')
      await store?.close()
      await scratch?.drop()
    })

    it('the primary migrates once; two worker processes serve the port, the primary none', async () => {
      const pids = await servingPids(2)
      expect(pids).toHaveLength(2)
      expect(pids).not.toContain(server.child.pid)
      const logs = server.output().split('\n').filter(line => line.startsWith('{')).map(line => JSON.parse(line) as { pid: number, msg: string })
      expect(logs.filter(l => l.msg === 'migrations applied').map(l => l.pid)).toEqual([server.child.pid])
      expect((await store.query<{ n: number }>('select count(*)::int as n from schema_migrations'))[0]!.n).toBe(loadMigrations().length)
      const ready = await getFresh<{ ok: boolean, store: string }>(`${server.url}/api/health/ready`)
      expect(ready).toMatchObject({ status: 200, body: { ok: true, store: 'postgres' } })
    }, 60_000)

    it('replaces a worker that dies, and on SIGTERM finishes the push in flight, stops the workers and exits 0', async () => {
      const [victim, survivor] = await servingPids(2)
      process.kill(victim!, 'SIGKILL')
      const after = await servingPids(2, [victim!])
      expect(after).toContain(survivor)
      expect(after).not.toContain(victim)

      await addUser(store, { name: 'erin', unit: '长沙市政务局', admin: false, password: PASSWORD })
      const erin = await token(server, 'erin')
      const plans = await (await call(server, '/api/plans')).json() as PlanData
      const pointId = plans.plans[0]!.sections[0]!.points[0]!.id
      const batch = Array.from({ length: 500 }, () => checkinMutation({ pointId }))
      const pushing = push(server, erin, batch)
      await waitForPushTransaction(store, appName)
      const stopped = server.stop('SIGTERM')
      expect((await pushing).results.filter(r => r.status === 'accepted')).toHaveLength(500)
      expect(await stopped).toEqual({ code: 0, signal: null })
      for (const pid of after)
        expect(isAlive(pid), `worker ${pid} still running`).toBe(false)
      expect((await store.query<{ n: number }>('select count(*)::int as n from checkins'))[0]!.n).toBe(500)
      expect(server.output()).toMatch(/"msg":"worker died"/)
    }, 60_000)

    it('gives up with exit code 1 when workers die at every start', async () => {
      // Workers cannot listen on a port another process holds: each one exits at once.
      const port = await freePort(4770, 4789)
      const holder = createServer()
      await new Promise<void>(resolve => holder.listen(port, '127.0.0.1', resolve))
      try {
        const primary = spawnMain({ WORKERS: '2', DATABASE_URL: databaseUrl, DIST_DIR: dist, LOG_LEVEL: 'info', PORT: String(port) })
        expect(await primary.exited).toEqual({ code: 1, signal: null })
        expect(primary.output()).toMatch(/"msg":"workers keep dying, giving up"/)
        // 5 + WORKERS restarts a minute are allowed: the death after them ends it.
        expect(primary.output().match(/"msg":"worker died"/g)?.length).toBe(8)
      }
      finally {
        holder.close()
      }
    }, 60_000)
  })
})
