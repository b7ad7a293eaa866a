import type { IncomingHttpHeaders, Server } from 'node:http'
import { Agent, createServer, request } from 'node:http'

/** One response as the proxy passed it on to the browser. */
export interface WireRecord {
  method: string
  /** Path and query. */
  url: string
  status: number
  requestHeaders: IncomingHttpHeaders
  headers: IncomingHttpHeaders
  /** Bytes written to the browser's connection for this response: status line, headers and body as sent. */
  bytes: number
  /** Epoch ms: request received, last byte handed to the socket. */
  start: number
  end: number
}

export interface ByteProxy {
  url: string
  records: WireRecord[]
  /** Resolves once no request has been in flight for `quietMs`. */
  idle: (quietMs: number, timeoutMs?: number) => Promise<void>
  close: () => Promise<void>
}

/**
 * A reverse proxy on 127.0.0.1:`port` in front of `upstream` that counts what the browser receives, on the
 * wire: each response's bytes are the growth of the connection's bytesWritten while it is sent (Chromium does not
 * pipeline HTTP/1.1, so a connection carries one response at a time). Headers and body pass unchanged, except
 * that `acceptEncoding`, when given, replaces the browser's Accept-Encoding (to measure serving uncompressed).
 */
export async function startByteProxy(upstream: string, port: number, options: { acceptEncoding?: string } = {}): Promise<ByteProxy> {
  const target = new URL(upstream)
  const agent = new Agent({ keepAlive: true })
  const records: WireRecord[] = []
  let inflight = 0
  let lastActivity = Date.now()
  const server: Server = createServer((req, res) => {
    const start = Date.now()
    const socket = req.socket
    const before = socket.bytesWritten
    inflight++
    lastActivity = start
    const headers = { ...req.headers, host: target.host }
    if (options.acceptEncoding !== undefined)
      headers['accept-encoding'] = options.acceptEncoding
    const upstreamRequest = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.statusMessage, up.rawHeaders)
      up.pipe(res)
      res.once('finish', () => {
        records.push({ method: req.method ?? 'GET', url: req.url ?? '/', status: up.statusCode ?? 0, requestHeaders: req.headers, headers: up.headers, bytes: socket.bytesWritten - before, start, end: Date.now() })
      })
    })
    const done = () => {
      inflight--
      lastActivity = Date.now()
    }
    res.once('close', done)
    upstreamRequest.on('error', () => {
      if (!res.headersSent)
        res.writeHead(502)
      res.end()
    })
    req.pipe(upstreamRequest)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  return {
    url: `http://127.0.0.1:${port}`,
    records,
    idle: async (quietMs, timeoutMs = 60_000) => {
      const until = Date.now() + timeoutMs
      const busy = () => inflight > 0 || Date.now() - lastActivity < quietMs
      while (busy()) {
        if (Date.now() > until)
          throw new Error(`the network did not go quiet within ${timeoutMs / 1000} s (${inflight} requests in flight)`)
        await new Promise(resolve => setTimeout(resolve, 50))
      }
    },
    close: () => new Promise<void>((resolve) => {
      agent.destroy()
      server.close(() => resolve())
      server.closeAllConnections()
    }),
  }
}
