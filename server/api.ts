import type { Context, MiddlewareHandler } from 'hono'
import type { Logger } from 'pino'
import type { RateLimiter } from './http/rate-limit'
import type { User } from './storage/users'
import type { Store } from './store/store'
import { Hono } from 'hono'
import { PlanDataSchema, PlanSchema } from '../src/domain/plan'
import { LoginRequestSchema, PULL_DEFAULT_LIMIT, PULL_MAX_LIMIT, PushRequestSchema } from '../src/domain/sync-api'
import { z } from '../src/domain/zod'
import { dummyHash, verifyPassword } from './auth/password'
import { createSessionCache } from './auth/session-cache'
import { decodeCursor, encodeCursor } from './http/cursor'
import { HttpError, parseOr400 } from './http/errors'
import { readJsonBody } from './http/read-json'
import { getPlanData, publishPlans } from './storage/plans'
import { pullChanges } from './storage/pull'
import { pushMutations } from './storage/push'
import { createSession } from './storage/sessions'
import { findUserForLogin } from './storage/users'

export interface ApiDeps {
  store: Store
  logger: Logger
  /** Sign-in attempts per client IP and name. */
  loginLimiter: RateLimiter
  clientIp: (c: Context) => string
}

interface Env { Variables: { user: User, token: string } }

const PLAN_UPLOAD_LIMIT = 16 * 1024 * 1024

const PullQuerySchema = z.object({
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(PULL_MAX_LIMIT).default(PULL_DEFAULT_LIMIT),
})

function bearerToken(c: Context): string | undefined {
  const match = /^Bearer ([\w-]{20,200})$/.exec(c.req.header('authorization') ?? '')
  return match?.[1]
}

/** True when an If-None-Match header lists `etag` (weak comparison, as RFC 9110 asks for it). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header)
    return false
  if (header.trim() === '*')
    return true
  return header.split(',').some(tag => tag.trim().replace(/^W\//, '') === etag)
}

/** The /api routes. Storage lives in server/storage; this module only speaks HTTP. */
export function createApi(deps: ApiDeps) {
  const { store, logger } = deps
  const api = new Hono<Env>()
  const sessions = createSessionCache(store)

  const requireUser: MiddlewareHandler<Env> = async (c, next) => {
    const token = bearerToken(c)
    const user = token ? await sessions.userFor(token) : undefined
    if (!token || !user)
      throw new HttpError(401, 'sign in required: the token is missing, expired or revoked', { 'WWW-Authenticate': 'Bearer' })
    c.set('user', user)
    c.set('token', token)
    await next()
  }

  const requireAdmin: MiddlewareHandler<Env> = async (c, next) => {
    if (!c.get('user').admin)
      throw new HttpError(403, 'admin only')
    await next()
  }

  api.get('/health', async (c) => {
    await store.query('select 1')
    return c.json({ ok: true, store: store.kind })
  })

  api.post('/auth/login', async (c) => {
    const body = parseOr400(LoginRequestSchema, await readJsonBody(c, 16 * 1024))
    const wait = deps.loginLimiter.hit(`${deps.clientIp(c)}\n${body.name.toLowerCase()}`)
    if (wait > 0)
      throw new HttpError(429, 'too many sign-in attempts, try again later', { 'Retry-After': String(wait) })
    const user = await findUserForLogin(store, body.name)
    // Unknown names cost a hash check too, so timing does not reveal which names exist.
    const ok = await verifyPassword(body.password, user?.passwordHash ?? await dummyHash())
    if (!user || !ok) {
      logger.info({ name: body.name, ip: deps.clientIp(c) }, 'sign-in failed')
      throw new HttpError(401, 'wrong name or password')
    }
    const session = await createSession(store, user.id)
    logger.info({ user: user.name }, 'signed in')
    return c.json({
      token: session.token,
      expiresAt: session.expiresAt.toISOString(),
      user: { name: user.name, unit: user.unit, admin: user.admin },
    })
  })

  api.post('/auth/logout', requireUser, async (c) => {
    await sessions.revoke(c.get('token'))
    return c.json({ ok: true })
  })

  api.get('/auth/me', requireUser, (c) => {
    const user = c.get('user')
    return c.json({ name: user.name, unit: user.unit, admin: user.admin })
  })

  api.get('/plans', async (c) => {
    const data = await getPlanData(store)
    if (!data)
      throw new HttpError(404, 'no plan data published yet')
    c.header('ETag', data.etag)
    c.header('Cache-Control', 'no-cache')
    if (matchesEtag(c.req.header('if-none-match'), data.etag))
      return c.body(null, 304)
    c.header('Content-Type', 'application/json; charset=utf-8')
    return c.body(data.body)
  })

  api.put('/admin/plans', requireUser, requireAdmin, async (c) => {
    const raw = await readJsonBody(c, PLAN_UPLOAD_LIMIT)
    // Decide the shape first so errors name the fields of the schema the sender meant.
    const isPlanData = typeof raw === 'object' && raw !== null && 'plans' in raw
    const input = isPlanData ? parseOr400(PlanDataSchema, raw) : parseOr400(PlanSchema, raw)
    const result = await publishPlans(store, input)
    logger.info({ user: c.get('user').name, version: result.version, added: result.added, replaced: result.replaced }, 'plans published')
    return c.json({ version: result.version, etag: result.etag, added: result.added, replaced: result.replaced })
  })

  api.post('/sync/push', requireUser, async (c) => {
    const { mutations } = parseOr400(PushRequestSchema, await readJsonBody(c))
    const results = await pushMutations(store, c.get('user'), mutations)
    return c.json({ results })
  })

  api.get('/sync/pull', requireUser, async (c) => {
    const query = parseOr400(PullQuerySchema, c.req.query(), 'query')
    const after = decodeCursor(query.cursor)
    const page = await pullChanges(store, c.get('user'), after, query.limit)
    return c.json({ checkins: page.checkins, favorites: page.favorites, nextCursor: encodeCursor(page.lastSeq), hasMore: page.hasMore })
  })

  api.all('*', () => {
    throw new HttpError(404, 'no such API route')
  })

  return api
}
