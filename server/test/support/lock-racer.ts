// One starter in the stale-lock race of server/store/pglite.test.ts: waits for `go <epoch ms>` on stdin,
// spins until then, tries the lock once, says `won` or `lost <pid>`, and holds a won lock for a moment.
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { DirectoryLockedError, lockDirectory } from '../../store/dir-lock'

async function race(dir: string): Promise<void> {
  const lines = createInterface({ input: process.stdin })
  console.log('ready')
  const [line] = await once(lines, 'line') as [string]
  lines.close()
  const startAt = Number(line.replace(/^go /, ''))
  while (Date.now() < startAt) {
    // Spin: every starter should reach the lock in the same millisecond.
  }
  try {
    const release = lockDirectory(dir, 'the race directory')
    console.log('won')
    await new Promise(resolve => setTimeout(resolve, 1_000))
    release()
  }
  catch (error) {
    console.log(error instanceof DirectoryLockedError ? `lost ${error.pid}` : `error ${String(error)}`)
  }
}

race(process.argv[2]!).catch((error: unknown) => {
  console.log(`error ${String(error)}`)
  process.exitCode = 1
})
