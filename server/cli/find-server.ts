import { existsSync, realpathSync } from 'node:fs'
import { isIPv4 } from 'node:net'
import { readControlFile } from '../control-file'
import { lockHolder } from '../store/dir-lock'

export interface RunningServerInfo {
  pid: number
  /** A loopback URL of its API (the control token is accepted from loopback addresses only). */
  url: string
  token: string
}

/** The loopback address that reaches a server listening on `host`, or undefined when none does. */
function loopbackFor(host: string): string | undefined {
  if (['', '0.0.0.0', '::', 'localhost', '127.0.0.1'].includes(host) || /^127\.\d+\.\d+\.\d+$/.test(host))
    return isIPv4(host) && host !== '0.0.0.0' ? host : '127.0.0.1'
  if (host === '::1')
    return '[::1]'
  return undefined
}

/**
 * The live server holding the PGlite directory `dataDir`, found by the lock's pid and the control file that
 * server wrote; undefined when no process holds the directory. A holder without a control file (a server still
 * starting) is waited for up to `waitMs`; after that, or when the file is unusable, this throws.
 */
export async function findRunningServer(dataDir: string, waitMs = 10_000): Promise<RunningServerInfo | undefined> {
  if (!existsSync(dataDir))
    return undefined
  const dir = realpathSync(dataDir)
  const until = Date.now() + waitMs
  for (;;) {
    const pid = lockHolder(dir)
    if (pid === undefined)
      return undefined
    // A control file of an earlier (killed) server names another pid: never send its token anywhere.
    const control = readControlFile(dir)
    if (control && control.pid === pid) {
      const address = loopbackFor(control.host)
      if (!address)
        throw new Error(`the server (process ${pid}) listens on ${control.host} only, and takes the control token from loopback addresses only: start it with HOST=0.0.0.0 or 127.0.0.1`)
      return { pid, url: `http://${address}:${control.port}`, token: control.token }
    }
    if (Date.now() >= until)
      throw new Error(`the PGlite data directory ${dir} is in use by process ${pid}, which left no control file (another npm run user, or an older server): try again when it is done, or stop it`)
    await new Promise(resolve => setTimeout(resolve, 200))
  }
}
