import type { Store } from '../store/store'
import type { ServerProcess } from './support/server-process'
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensurePlanData } from '../storage/plans'
import { addUser } from '../storage/users'
import { migrate } from '../store/migrate'
import { openPostgresStore } from '../store/postgres'
import { checkinMutation, PLAN_DATA } from './fixtures'
import { PASSWORD } from './harness'
import { itRunsPostgresWhenRequired, postgresUrl, scratchSchema } from './stores'
import { call, login, pull, push, token, waitForPushTransaction } from './support/http-client'
import { fixtureDist, startMain, waitFor } from './support/server-process'

describe('two server processes on one PostgreSQL', () => {
  itRunsPostgresWhenRequired()

  describe.each(postgresUrl ? [postgresUrl] : [])('each its own process and port', (url) => {
    const dist = fixtureDist()
    // Each process names its connections, so the test can see when one of them is inside a transaction.
    const appName = `ydt_procs_${randomBytes(4).toString('hex')}`
    let scratch: Awaited<ReturnType<typeof scratchSchema>>
    let store: Store
    let a: ServerProcess
    let b: ServerProcess

    beforeAll(async () => {
      scratch = await scratchSchema(url, 'test_procs')
      store = await openPostgresStore(url, { schema: scratch.schema, max: 2 })
      await migrate(store)
      await ensurePlanData(store, () => PLAN_DATA)
      for (const name of ['alice', 'bob', 'carol', 'dave'])
        await addUser(store, { name, unit: '长沙市政务局', admin: false, password: PASSWORD })
      await addUser(store, { name: 'admin', unit: '省政务局', admin: true, password: PASSWORD })
      const env = (which: string) => ({ DATABASE_URL: `${scratch.url}&application_name=${appName}_${which}`, DIST_DIR: dist })
      ;[a, b] = await Promise.all([startMain(env('a'), [4700, 4719]), startMain(env('b'), [4720, 4739])])
    }, 90_000)

    afterAll(async () => {
      await Promise.all([a?.stop('SIGKILL'), b?.stop('SIGKILL')])
      await store?.close()
      await scratch?.drop()
      rmSync(dist, { recursive: true, force: true })
    })

    it('a client alternating between them sees one history', async () => {
      const alice = await token(a, 'alice')
      const pushed: string[] = []
      let cursor = ''
      for (let i = 0; i < 6; i++) {
        const [to, from] = i % 2 === 0 ? [a, b] : [b, a]
        const batch = [checkinMutation({ progress: i * 10 }), checkinMutation({ progress: i * 10 + 5 })]
        expect((await push(to, alice, batch)).results.map(r => r.status)).toEqual(['accepted', 'accepted'])
        pushed.push(...batch.map(m => (m.kind === 'checkin.create' ? m.checkin.id : '')))
        // What one process stored, the other returns at once, and the cursor of either works on both.
        const page = await pull(from, alice, cursor)
        expect(page.checkins.map(c => c.id)).toEqual(pushed.slice(-2))
        cursor = page.nextCursor
      }
      const [viaA, viaB] = await Promise.all([pull(a, alice), pull(b, alice)])
      expect(viaA.checkins.map(c => c.id)).toEqual(pushed)
      expect(viaB).toEqual(viaA)
    })

    it('a token signed out at one process, or of an account disabled there, is refused by the other within 1 s', async () => {
      const refusedWithin = async (server: ServerProcess, bearer: string) => {
        const started = Date.now()
        await waitFor('401', async () => (await call(server, '/api/auth/me', { token: bearer })).status === 401, 5_000)
        return Date.now() - started
      }
      const bob = await token(a, 'bob')
      expect((await call(b, '/api/auth/me', { token: bob })).status).toBe(200)
      expect((await call(a, '/api/auth/logout', { method: 'POST', token: bob })).status).toBe(200)
      expect(await refusedWithin(b, bob)).toBeLessThan(1_000)

      const carol = await token(b, 'carol')
      expect((await call(a, '/api/auth/me', { token: carol })).status).toBe(200)
      const admin = await token(b, 'admin')
      expect((await call(b, '/api/admin/users/carol/disable', { method: 'POST', token: admin })).status).toBe(200)
      expect(await refusedWithin(a, carol)).toBeLessThan(1_000)
      expect((await login(a, 'carol')).status).toBe(403)
    })

    it('counts failed sign-ins over both processes', async () => {
      // 5 per account a minute: spread over the two, the sixth try is refused by either.
      for (let i = 0; i < 5; i++)
        expect((await login(i % 2 === 0 ? a : b, 'alice', 'wrong password 1')).status).toBe(401)
      for (const server of [a, b]) {
        const res = await login(server, 'alice')
        expect(res.status).toBe(429)
        expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0)
      }
    })

    it('a batch retried at the other process after the first was killed mid-push is stored exactly once', async () => {
      const dave = await token(a, 'dave')
      const batch = Array.from({ length: 500 }, (_, i) => checkinMutation({ progress: i % 101 }))
      const first = push(a, dave, batch).then(() => 'answered', () => 'lost')
      // Killed inside the push's transaction, not before it began or after it committed.
      await waitForPushTransaction(store, `${appName}_a`)
      a.child.kill('SIGKILL')
      expect(await first).toBe('lost')
      const count = async () => Number((await store.query<{ n: string }>(
        'select count(*) as n from checkins c join users u on u.id = c.user_id where u.name = $1',
        ['dave'],
      ))[0]!.n)
      // All or nothing: the transaction either committed before the kill or was rolled back.
      expect([0, 500]).toContain(await count())

      const retried = await push(b, dave, batch)
      expect(retried.results.every(r => r.status === 'accepted')).toBe(true)
      expect(await count()).toBe(500)
      // Only dave's own: the pull also returns alice's, a colleague of the same unit.
      const ids = (await pull(b, dave)).checkins.filter(c => c.mine).map(c => c.id)
      expect(new Set(ids).size).toBe(500)
      expect(ids.sort()).toEqual(batch.map(m => (m.kind === 'checkin.create' ? m.checkin.id : '')).sort())
    }, 60_000)
  })
})
