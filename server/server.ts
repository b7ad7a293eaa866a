import type { ServerType } from '@hono/node-server'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Logger } from 'pino'
import type { AppOptions } from './app'
import { serve } from '@hono/node-server'
import { createApp } from './app'
import { createInflightTracker } from './http/inflight'

export interface RunningServer {
  url: string
  port: number
  /** Stops accepting, lets requests in progress finish (pushes commit and answer), then closes the store. */
  close: () => Promise<void>
}

/** Listens on `host:port` with the app over `options.store`; the store is closed on close(). */
export async function startServer(options: Omit<AppOptions, 'inflight'> & { port: number, host: string, logger: Logger }): Promise<RunningServer> {
  const inflight = createInflightTracker()
  const app = createApp({ ...options, inflight })
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => {
      s.off('error', reject)
      resolve(s)
    })
    // Listening fails asynchronously (EADDRINUSE); without this the error would be unhandled.
    s.once('error', reject)
  })
  const http = server as Server
  // A client that stalls mid-body must not hold a connection (or shutdown) forever.
  http.requestTimeout = 30_000
  http.headersTimeout = 15_000
  const port = (http.address() as AddressInfo).port
  let closing: Promise<void> | undefined
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    port,
    close: () => {
      closing ??= (async () => {
        const closed = new Promise<void>(resolve => http.close(() => resolve()))
        http.closeIdleConnections()
        await inflight.drain()
        // Handlers are done, but their responses may still be on the way out: give them a moment.
        const sweep = setInterval(() => http.closeIdleConnections(), 25)
        await Promise.race([closed, new Promise(resolve => setTimeout(resolve, 5_000).unref())])
        clearInterval(sweep)
        http.closeAllConnections()
        await closed
        await options.store.close()
      })()
      return closing
    },
  }
}
