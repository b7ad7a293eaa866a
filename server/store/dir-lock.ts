import { linkSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The lock file's name inside a PGlite data directory. */
export const LOCK_FILE = 'server.lock'

/** Thrown when a live process holds the directory; `pid` names it. */
export class DirectoryLockedError extends Error {
  constructor(readonly pid: number, what: string) {
    super(`${what} is in use by process ${pid} (stop it first, or use DATABASE_URL for a shared PostgreSQL)`)
  }
}

/** True when a process with this pid exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  }
  catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const code = (error: unknown) => (error as NodeJS.ErrnoException).code
const suffix = () => `${process.pid}-${Math.random().toString(36).slice(2, 10)}`

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/** The pid in a lock file; null when there is no file, undefined when it holds no pid. */
function readPid(path: string): number | null | undefined {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  }
  catch (error) {
    if (code(error) === 'ENOENT')
      return null
    throw error
  }
  const pid = Number(text.trim())
  return Number.isInteger(pid) && pid > 0 ? pid : undefined
}

/** The live process holding `dir` (a real path), or undefined when nobody does. */
export function lockHolder(dir: string): number | undefined {
  const pid = readPid(join(dir, LOCK_FILE))
  return typeof pid === 'number' && isAlive(pid) ? pid : undefined
}

/** Creates `lockPath` holding our pid, complete from the first moment it exists; false when it exists already. */
function create(lockPath: string, own: string): boolean {
  try {
    // A hard link appears atomically with its content, so no reader ever sees an empty lock.
    linkSync(own, lockPath)
    return true
  }
  catch (error) {
    if (code(error) === 'EEXIST')
      return false
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(code(error) ?? ''))
      throw error
  }
  // A filesystem without hard links: create exclusively, then write.
  try {
    writeFileSync(lockPath, String(process.pid), { flag: 'wx' })
    return true
  }
  catch (error) {
    if (code(error) === 'EEXIST')
      return false
    throw error
  }
}

/**
 * Takes `<dir>/server.lock` (dir being a real path) for this process and returns its release. PGlite is one
 * process's database: two processes on one directory lose acknowledged writes. A lock left by a dead process is
 * moved aside and replaced; the starter that moved it checks it moved the dead lock and not a racer's fresh one,
 * so two starters racing over a stale lock cannot both win.
 */
export function lockDirectory(dir: string, what: string): () => void {
  const lockPath = join(dir, LOCK_FILE)
  const own = `${lockPath}.${suffix()}`
  writeFileSync(own, String(process.pid), { flag: 'wx' })
  try {
    for (let attempt = 0; attempt < 20; attempt++) {
      if (create(lockPath, own))
        return () => release(lockPath)
      const holder = readPid(lockPath)
      if (holder === null)
        continue
      if (holder !== undefined && isAlive(holder))
        throw new DirectoryLockedError(holder, what)
      if (holder === undefined && youngerThan(lockPath, 2_000)) {
        // Being written right now by a starter on a filesystem without hard links.
        pause(50)
        continue
      }
      const aside = `${lockPath}.stale-${suffix()}`
      try {
        renameSync(lockPath, aside)
      }
      catch (error) {
        if (code(error) === 'ENOENT')
          continue
        throw error
      }
      const moved = readPid(aside)
      if (moved !== holder && typeof moved === 'number' && isAlive(moved)) {
        // Another starter took the lock between our read and our rename: give it back.
        try {
          linkSync(aside, lockPath)
        }
        catch {}
        rmSync(aside, { force: true })
        throw new DirectoryLockedError(moved, what)
      }
      rmSync(aside, { force: true })
    }
    throw new Error(`cannot lock ${what}`)
  }
  finally {
    rmSync(own, { force: true })
  }
}

function youngerThan(path: string, ms: number): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs < ms
  }
  catch {
    return false
  }
}

function release(lockPath: string): void {
  // Only our own lock: never delete one another process holds.
  if (readPid(lockPath) === process.pid)
    rmSync(lockPath, { force: true })
}
