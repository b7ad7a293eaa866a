import { readFileSync, rmSync, writeFileSync } from 'node:fs'

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  }
  catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Takes `path` as a lock file holding this process's pid. PGlite is one process's
 * database: a second process opening the same directory (say `npm run user` while
 * `npm start` runs) would corrupt it. A lock left by a dead process is taken over.
 */
export function lockDirectory(path: string, what: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' })
      return () => rmSync(path, { force: true })
    }
    catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw error
      const pid = Number(readFileSync(path, 'utf8'))
      if (Number.isInteger(pid) && pid > 0 && alive(pid))
        throw new Error(`${what} is in use by process ${pid} (stop it first, or use DATABASE_URL for a shared PostgreSQL)`)
      rmSync(path, { force: true })
    }
  }
  throw new Error(`cannot lock ${what}`)
}
