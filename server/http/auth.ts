import type { Context, MiddlewareHandler } from 'hono'
import type { SessionCache } from '../auth/session-cache'
import type { User } from '../storage/users'
import { createHash, timingSafeEqual } from 'node:crypto'
import { HttpError } from './errors'

export interface AuthEnv {
  Variables: {
    user: User
    token: string
    /** Who is acting on an admin route, for the logs: an admin's name, or `local control`. */
    actor: string
  }
}

/** The bearer token of a request, when it has a well-formed one. */
export function bearerToken(c: Context): string | undefined {
  const match = /^Bearer ([\w-]{20,200})$/.exec(c.req.header('authorization') ?? '')
  return match?.[1]
}

/** True for 127.0.0.0/8 and ::1, also IPv4-mapped. */
export function isLoopback(address: string): boolean {
  return address === '::1' || /^(?:::ffff:)?127\.\d+\.\d+\.\d+$/i.test(address)
}

const digest = (text: string) => createHash('sha256').update(text).digest()

/** The middleware of signed-in and admin routes. `controlToken` is the PGlite server's local control token. */
export function createAuth(options: { sessions: SessionCache, controlToken?: string, clientIp: (c: Context) => string }) {
  const control = options.controlToken ? digest(options.controlToken) : undefined
  const isControl = (token: string) => control !== undefined && timingSafeEqual(digest(token), control)

  const requireUser: MiddlewareHandler<AuthEnv> = async (c, next) => {
    const token = bearerToken(c)
    const user = token ? await options.sessions.userFor(token) : undefined
    if (!token || !user)
      throw new HttpError(401, 'sign in required: the token is missing, expired or revoked', { 'WWW-Authenticate': 'Bearer' })
    c.set('user', user)
    c.set('token', token)
    await next()
  }

  /** An admin's session, or the control token from this machine (what `npm run user` sends beside a running server). */
  const requireAdmin: MiddlewareHandler<AuthEnv> = async (c, next) => {
    const token = bearerToken(c)
    if (token && isControl(token)) {
      if (!isLoopback(options.clientIp(c)))
        throw new HttpError(403, 'the control token is only accepted from this machine')
      c.set('actor', 'local control')
      return next()
    }
    return requireUser(c, async () => {
      if (!c.get('user').admin)
        throw new HttpError(403, 'admin only')
      c.set('actor', c.get('user').name)
      await next()
    })
  }

  return { requireUser, requireAdmin }
}
