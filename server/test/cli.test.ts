import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pino from 'pino'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app'
import { CONTROL_FILE } from '../control-file'
import { LOCK_FILE } from '../store/dir-lock'
import { migrate } from '../store/migrate'
import { openPgliteStore } from '../store/pglite'
import { openPostgresStore } from '../store/postgres'
import { checkinMutation } from './fixtures'
import { pgliteTemplate, postgresUrl } from './stores'
import { freePort } from './support/server-process'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const PASSWORD = 'a cli password 1'

interface Run { code: number | null, stdout: string, stderr: string }

/** Runs `server/cli/user.ts` with `args` and `env`, feeding `input` on stdin. */
function runUser(args: string[], env: NodeJS.ProcessEnv, input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/user.ts', ...args], { cwd: ROOT, env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.once('error', reject)
    child.once('exit', code => resolve({ code, stdout, stderr }))
    child.stdin.end(input)
  })
}

describe('npm run user beside a running server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ydt-cli-'))
  const dataDir = join(dir, 'data')
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }
  let server: ChildProcess
  let url: string

  const user = (args: string[], input = '', extra: Record<string, string> = {}) => runUser(args, { ...env, ...extra }, input)

  const login = async (name: string, password: string) => {
    const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, password }) })
    return { status: res.status, token: res.ok ? ((await res.json()) as { token: string }).token : '' }
  }
  const me = async (token: string) => (await fetch(`${url}/api/auth/me`, { headers: { Authorization: `Bearer ${token}` } })).status

  beforeAll(async () => {
    // Start from a copy of an initialised directory: initdb in WASM takes seconds.
    await (await openPgliteStore(dataDir, { template: await pgliteTemplate() })).close()
    const dist = join(dir, 'dist')
    mkdirSync(dist)
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>要点通</title>')
    const port = await freePort(8787, 8799)
    url = `http://127.0.0.1:${port}`
    server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: { ...env, PORT: String(port), HOST: '127.0.0.1', DIST_DIR: dist, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    for (let i = 0; ; i++) {
      if (server.exitCode !== null)
        throw new Error(`server exited with ${server.exitCode}`)
      if (await fetch(`${url}/api/health`).then(r => r.ok, () => false))
        break
      if (i > 300)
        throw new Error('server did not start')
      await new Promise(resolve => setTimeout(resolve, 100))
    }
  }, 60_000)

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGKILL')
      await new Promise(resolve => server.once('exit', resolve))
    }
    rmSync(dir, { recursive: true, force: true })
  })

  it('writes a control file only its owner can read', () => {
    const control = join(dataDir, CONTROL_FILE)
    expect(existsSync(control)).toBe(true)
    expect(statSync(control).mode & 0o777).toBe(0o600)
  })

  it('adds, lists, disables, enables, resets, lists sessions, revokes and removes through the running server', async () => {
    const weak = await user(['add', '测试员', '--unit', '长沙市政务局'], '12345678901\n')
    expect(weak.code).toBe(1)
    expect(weak.stderr).toMatch(/密码不能是连续/)

    const added = await user(['add', '测试员', '--unit', '长沙市政务局'], `${PASSWORD}\n`)
    expect(added.stderr).not.toMatch(/in use/)
    expect(added.code, added.stderr).toBe(0)
    const { token } = await login('测试员', PASSWORD)
    expect(await me(token)).toBe(200)
    const push = await fetch(`${url}/api/sync/push`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Authorization': `Bearer ${token}` },
      body: JSON.stringify({ mutations: [checkinMutation({ pointId: 'no-such-point' })] }),
    })
    expect(push.status).toBe(200)

    // A trailing slash in DATA_DIR is the same directory, so the same server.
    const listed = await user(['list'], '', { DATA_DIR: `${dataDir}/` })
    expect(listed.stdout).toBe('测试员\t长沙市政务局\tuser\tenabled\t0 check-ins\t1 session\n')

    expect((await user(['disable', '测试员'])).code).toBe(0)
    expect(await me(token)).toBe(401)
    expect((await login('测试员', PASSWORD)).status).toBe(403)
    expect((await user(['enable', '测试员'])).code).toBe(0)
    expect((await login('测试员', PASSWORD)).status).toBe(200)

    const reset = await user(['passwd', '测试员'], 'another cli password 2\n')
    expect(reset.code, reset.stderr).toBe(0)
    expect((await login('测试员', PASSWORD)).status).toBe(401)
    const kept = await login('测试员', 'another cli password 2')
    const dropped = await login('测试员', 'another cli password 2')

    const sessions = await user(['sessions', '测试员'])
    const active = sessions.stdout.trim().split('\n').filter(line => line.includes('\tactive\t'))
    expect(active).toHaveLength(2)
    const newest = active[0]!.split('\t')[0]!
    expect(newest).toMatch(/^[0-9a-f-]{36}$/)
    expect((await user(['revoke', '测试员', newest])).code).toBe(0)
    expect([await me(kept.token), await me(dropped.token)].sort()).toEqual([200, 401])
    expect((await user(['revoke', '测试员', '--all'])).code).toBe(0)
    expect([await me(kept.token), await me(dropped.token)]).toEqual([401, 401])

    const removed = await user(['remove', '测试员'])
    expect(removed.code, removed.stderr).toBe(0)
    expect((await login('测试员', 'another cli password 2')).status).toBe(401)
  }, 120_000)

  it('asks for --yes before deleting check-ins with an account', async () => {
    expect((await user(['add', '有记录', '--unit', '长沙市政务局'], `${PASSWORD}\n`)).code).toBe(0)
    const { token } = await login('有记录', PASSWORD)
    const plan = await (await fetch(`${url}/api/plans`)).json() as { plans: { sections: { points: { id: string }[] }[] }[] }
    const pointId = plan.plans[0]!.sections[0]!.points[0]!.id
    const push = await fetch(`${url}/api/sync/push`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Authorization': `Bearer ${token}` },
      body: JSON.stringify({ mutations: [checkinMutation({ pointId }), checkinMutation({ pointId })] }),
    })
    expect((await push.json()).results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'accepted'])
    const refused = await user(['remove', '有记录'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/has 2 check-ins.*--yes.*disable/s)
    const removed = await user(['remove', '有记录', '--yes'])
    expect(removed.stderr).toMatch(/removed with 2 check-ins/)
    expect(await me(token)).toBe(401)
  }, 60_000)

  it('opens the directory itself once the server has stopped', async () => {
    server.kill('SIGTERM')
    await new Promise(resolve => server.once('exit', resolve))
    expect(existsSync(join(dataDir, CONTROL_FILE))).toBe(false)
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false)
    const added = await user(['add', '离线添加', '--unit', '娄底市政务局', '--admin'], `${PASSWORD}\n`)
    expect(added.code, added.stderr).toBe(0)
    expect(added.stderr).toMatch(/user 离线添加 \(娄底市政务局, admin\) added/)
  }, 60_000)
})

// Runs wherever PostgreSQL is configured (CI always; sync.test.ts fails a CI run without it).
describe.each(postgresUrl ? [postgresUrl] : [])('npm run user on PostgreSQL beside a server process', () => {
  const schema = `test_cli_${randomBytes(6).toString('hex')}`
  const url = `${postgresUrl}${postgresUrl?.includes('?') ? '&' : '?'}search_path=${schema}`
  let app: ReturnType<typeof createApp>
  let close: () => Promise<void>

  beforeAll(async () => {
    const admin = postgres(postgresUrl!, { max: 1, onnotice: () => {} })
    await admin.unsafe(`create schema ${schema}`)
    await admin.end()
    const store = await openPostgresStore(postgresUrl!, { schema, max: 3 })
    await migrate(store)
    app = createApp({ store, logger: pino({ level: 'silent' }) })
    close = async () => {
      await store.query(`drop schema ${schema} cascade`)
      await store.close()
    }
  }, 60_000)
  afterAll(() => close?.())

  it('changes accounts in the shared database, and the server sees a disable at once', async () => {
    const env = { ...process.env, DATABASE_URL: url }
    expect((await runUser(['add', '共享库', '--unit', '长沙市政务局'], env, `${PASSWORD}\n`)).code).toBe(0)
    const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: '共享库', password: PASSWORD }) })
    const { token } = await login.json() as { token: string }
    const me = async () => (await app.request('/api/auth/me', { headers: { Authorization: `Bearer ${token}` } })).status
    expect(await me()).toBe(200)
    const disabled = await runUser(['disable', '共享库'], env)
    expect(disabled.code, disabled.stderr).toBe(0)
    expect(await me()).toBe(401)
    expect((await runUser(['list'], env)).stdout).toBe('共享库\t长沙市政务局\tuser\tdisabled\t0 check-ins\t0 sessions\n')
  }, 60_000)
})
