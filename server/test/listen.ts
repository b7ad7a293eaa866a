import type { RunningServer } from '../server'
import type { Store } from '../store/store'
import pino from 'pino'
import { startServer } from '../server'

/** Starts the server on the first free port in [from, to] on 127.0.0.1 (the ports these tests may use). */
export async function listenInRange(store: Store, from: number, to: number, distDir?: string): Promise<RunningServer> {
  for (let port = from; port <= to; port++) {
    try {
      return await startServer({ store, logger: pino({ level: 'silent' }), port, host: '127.0.0.1', distDir })
    }
    catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE')
        throw error
    }
  }
  throw new Error(`no free port in ${from}-${to}`)
}
