import type { AppOptions } from '../app'
import type { RunningServer } from '../server'
import type { Store } from '../store/store'
import pino from 'pino'
import { startServer } from '../server'

/** Starts the server on the first free port in [from, to] on 127.0.0.1 (the ports these tests may use). */
export async function listenInRange(store: Store, from: number, to: number, distDir?: string, options: Partial<Omit<AppOptions, 'store' | 'inflight'>> = {}): Promise<RunningServer> {
  for (let port = from; port <= to; port++) {
    try {
      return await startServer({ logger: pino({ level: 'silent' }), ...options, store, port, host: '127.0.0.1', distDir })
    }
    catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE')
        throw error
    }
  }
  throw new Error(`no free port in ${from}-${to}`)
}
