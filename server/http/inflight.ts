import type { MiddlewareHandler } from 'hono'

/**
 * Counts requests in progress so shutdown can wait for them (a push that was
 * accepted must commit and answer), and refuses new ones with 503 once draining.
 */
export function createInflightTracker() {
  let count = 0
  let draining = false
  let idle: (() => void) | undefined

  const middleware: MiddlewareHandler = async (c, next) => {
    if (draining) {
      c.header('Retry-After', '5')
      c.header('Connection', 'close')
      return c.json({ error: 'server is shutting down' }, 503)
    }
    count++
    try {
      await next()
      // Answered during shutdown: let the socket close once this response is written.
      if (draining)
        c.res.headers.set('Connection', 'close')
    }
    finally {
      count--
      if (count === 0)
        idle?.()
    }
  }

  return {
    middleware,
    get count() {
      return count
    },
    /** True from the start of shutdown: readiness checks report it. */
    get draining() {
      return draining
    },
    /** Stops admitting requests; resolves when those in progress are done (or after `timeoutMs`). */
    drain(timeoutMs = 10_000): Promise<void> {
      draining = true
      if (count === 0)
        return Promise.resolve()
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, timeoutMs)
        idle = () => {
          clearTimeout(timer)
          resolve()
        }
      })
    },
  }
}

export type InflightTracker = ReturnType<typeof createInflightTracker>
