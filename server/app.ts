import type { Context } from 'hono'
import type { Logger } from 'pino'
import type { ApiDeps } from './api'
import type { LoginThrottleOptions } from './auth/login-throttle'
import type { InflightTracker } from './http/inflight'
import type { Store } from './store/store'
import { getConnInfo } from '@hono/node-server/conninfo'
import { Hono } from 'hono'
import { createApi } from './api'
import { clientAddress } from './http/client-ip'
import { compressApi } from './http/compress-api'
import { HttpError } from './http/errors'
import { createHealthRoutes } from './http/health'
import { createInflightTracker } from './http/inflight'
import { shellScriptHashes } from './http/inline-scripts'
import { securityHeaders } from './http/security-headers'
import { withSafeErrors } from './log'
import { mountStatic } from './static'

export interface AppOptions {
  store: Store
  logger: Logger
  /** The built PWA; omitted in API tests. */
  distDir?: string
  /** Sign-in throttling: limits, window and clock (tests shorten them). */
  loginThrottle?: Partial<LoginThrottleOptions>
  /** The local control token (PGlite servers): admin rights for requests from loopback addresses. */
  controlToken?: string
  /** The client's address; from the socket by default (tests without one inject it). */
  clientIp?: (c: Context) => string
  /** Reverse proxies (TRUST_PROXY) whose X-Forwarded-For names the client. */
  trustedProxies?: ReadonlySet<string>
  inflight?: InflightTracker
  /** Per-photo size cap and per-user quota (tests shrink them). */
  photoLimits?: ApiDeps['photoLimits']
}

function socketIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  }
  catch {
    // app.request() in tests has no socket.
    return 'local'
  }
}

/** The whole HTTP app: security headers, /api, and the PWA when `distDir` is given. */
export function createApp(options: AppOptions) {
  const logger = withSafeErrors(options.logger)
  const inflight = options.inflight ?? createInflightTracker()
  const app = new Hono()
  const trusted = options.trustedProxies ?? new Set<string>()

  app.use('*', securityHeaders(options.distDir ? shellScriptHashes(options.distDir) : []))
  app.use('*', async (c, next) => {
    const started = performance.now()
    await next()
    if (c.req.path.startsWith('/api/')) {
      const ms = Math.round((performance.now() - started) * 10) / 10
      logger.debug({ method: c.req.method, path: c.req.path, status: c.res.status, ms }, 'request')
    }
  })
  // Ahead of in-flight tracking: a draining process still answers its health checks, saying it is shutting down.
  // Their few bytes skip compression; @hono/node-server sets Content-Length for a string body itself.
  app.route('/api/health', createHealthRoutes({ store: options.store, inflight }))
  app.use('/api/*', inflight.middleware)
  app.use('/api/*', compressApi())
  app.route('/api', createApi({
    store: options.store,
    logger,
    loginThrottle: options.loginThrottle,
    controlToken: options.controlToken,
    clientIp: options.clientIp ?? (c => clientAddress(socketIp(c), c.req.header('x-forwarded-for'), trusted)),
    photoLimits: options.photoLimits,
  }))
  if (options.distDir)
    mountStatic(app, options.distDir)

  app.notFound(c => c.json({ error: 'not found' }, 404))
  app.onError((error, c) => {
    if (error instanceof HttpError) {
      for (const [name, value] of Object.entries(error.headers))
        c.header(name, value)
      return c.json({ ...error.extra, error: error.message }, error.status)
    }
    // The serializer keeps the statement and SQLSTATE of a StoreError, never its parameters or detail.
    logger.error({ err: error, method: c.req.method, path: c.req.path }, 'request failed')
    return c.json({ error: 'internal server error' }, 500)
  })
  return app
}
