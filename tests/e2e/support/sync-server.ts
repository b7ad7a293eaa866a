import type { ChildProcess } from 'node:child_process'
import type { Page } from 'playwright-core'
import type { PulledCheckin } from '../../../src/domain/sync-api'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DIST_A } from './env'
import { ARTIFACTS, ROOT } from './server'

// The real sync server (server/main.ts) as a child process over a PGlite data directory on disk, serving the
// e2e build, so the app and /api share one origin as in production. Sync specs use e2ePort(10)–e2ePort(19) (4320–4329 by default).

export const PASSWORD = 'e2e-password-1'

/** `admin`: may publish plans (PUT /api/admin/plans). */
export interface TestUser { name: string, unit: string, admin?: boolean }

export interface SyncServer {
  url: string
  port: number
  dataDir: string
  /** Kills the process at once (no graceful shutdown), as a crash or power loss would. */
  kill: () => Promise<void>
  /** Starts the server again on the same port and data directory. */
  restart: () => Promise<void>
  /** Stops the server (if running) and deletes its data directory. */
  dispose: () => Promise<void>
}

/**
 * A migrated, empty PGlite directory, made once and copied per server: a fresh PGlite directory costs ~10 s of
 * initdb, a copy a few milliseconds. Keyed by the migrations and the PGlite version, so a schema change makes a new one.
 */
async function templateDataDir(): Promise<string> {
  const migrations = join(ROOT, 'server/migrations')
  const hash = createHash('sha256')
  hash.update(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json')))
  for (const file of readdirSync(migrations).sort())
    hash.update(file).update(readFileSync(join(migrations, file)))
  const dir = join(ARTIFACTS, `pglite-template-${hash.digest('hex').slice(0, 12)}`)
  if (existsSync(dir))
    return dir
  // Built beside its final place and renamed, so an interrupted run never leaves half a template.
  const building = mkdtempSync(`${dir}.building-`)
  await createUsers(building, [])
  renameSync(building, dir)
  return dir
}

/** Migrates and creates accounts (create-users.ts), before the server holds the single-process PGlite directory. */
async function createUsers(dataDir: string, users: TestUser[]): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/e2e/support/create-users.ts', dataDir], {
    cwd: ROOT,
    stdio: ['pipe', 'inherit', 'inherit'],
  })
  child.stdin!.end(JSON.stringify(users.map(u => ({ ...u, password: PASSWORD }))))
  const code = await new Promise<number | null>(resolve => child.once('exit', resolve))
  if (code !== 0)
    throw new Error(`creating users in ${dataDir} failed (${code})`)
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (child.exitCode !== null)
      throw new Error(`sync server exited with ${child.exitCode}`)
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok)
        return
    }
    catch {}
    await new Promise(r => setTimeout(r, 150))
  }
  throw new Error(`sync server at ${url} did not start`)
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise(resolve => child.once('exit', () => resolve()))
}

/** Starts server/main.ts on `port` with fresh data holding `users`, serving the build in `distDir` (the e2e build A by default). */
export async function startSyncServer(port: number, users: TestUser[], distDir: string = DIST_A): Promise<SyncServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ydt-e2e-pglite-'))
  cpSync(await templateDataDir(), dataDir, { recursive: true })
  await createUsers(dataDir, users)
  const url = `http://127.0.0.1:${port}`
  let child: ChildProcess | undefined

  const start = async () => {
    // `node --import tsx` keeps it one process, so SIGKILL really kills the server (the tsx CLI would fork).
    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: distDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    await waitForHealth(url, child)
  }
  const stop = async (signal: NodeJS.Signals) => {
    if (!child || child.exitCode !== null || child.signalCode !== null)
      return
    const done = exited(child)
    child.kill(signal)
    await done
  }
  await start()
  return {
    url,
    port,
    dataDir,
    kill: () => stop('SIGKILL'),
    restart: start,
    dispose: async () => {
      await stop('SIGTERM')
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Signs in through the API (a separate session from any browser's). */
export async function apiLogin(url: string, name: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, password: PASSWORD }) })
  if (!res.ok)
    throw new Error(`login as ${name} failed: ${res.status}`)
  return ((await res.json()) as { token: string }).token
}

/** Revokes a token through the API, as signing out elsewhere or an admin would. */
export async function apiLogout(url: string, token: string): Promise<number> {
  return (await fetch(`${url}/api/auth/logout`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } })).status
}

/** Everything the server holds for the user, read through the pull API page by page. */
export async function apiPullAll(url: string, token: string): Promise<{ checkins: PulledCheckin[], favorites: { pointId: string, on: boolean }[] }> {
  const checkins: PulledCheckin[] = []
  const favorites = new Map<string, { pointId: string, on: boolean }>()
  let cursor: string | undefined
  for (;;) {
    const query = new URLSearchParams({ limit: '1000', ...(cursor ? { cursor } : {}) })
    const res = await fetch(`${url}/api/sync/pull?${query}`, { headers: { Authorization: `Bearer ${token}` } })
    if (!res.ok)
      throw new Error(`pull failed: ${res.status}`)
    const page = (await res.json()) as { checkins: PulledCheckin[], favorites: { pointId: string, on: boolean }[], nextCursor: string, hasMore: boolean }
    checkins.push(...page.checkins)
    for (const f of page.favorites)
      favorites.set(f.pointId, f)
    cursor = page.nextCursor
    if (!page.hasMore)
      return { checkins, favorites: [...favorites.values()] }
  }
}

/** All rows of one object store of the app's IndexedDB, read in the page. */
export function readIdb<T>(page: Page, storeName: string): Promise<T[]> {
  return page.evaluate(storeName => new Promise<T[]>((resolve, reject) => {
    const open = indexedDB.open('yaodiantong')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const req = open.result.transaction(storeName, 'readonly').objectStore(storeName).getAll()
      req.onsuccess = () => {
        open.result.close()
        resolve(req.result as T[])
      }
      req.onerror = () => reject(req.error)
    }
  }), storeName)
}
