import type { Context } from 'hono'
import type { Logger } from 'pino'
import type { LoginThrottleOptions } from './auth/login-throttle'
import type { AuthEnv } from './http/auth'
import type { PhotoLimits } from './photos-api'
import type { Store } from './store/store'
import { Hono } from 'hono'
import { PlanDataSchema, PlanSchema } from '../src/domain/plan'
import { LoginRequestSchema, PULL_DEFAULT_LIMIT, PULL_MAX_LIMIT } from '../src/domain/sync-api'
import { z } from '../src/domain/zod'
import { createAdminUsersApi } from './admin-users-api'
import { createLoginThrottle } from './auth/login-throttle'
import { dummyHash, verifyPassword } from './auth/password'
import { createSessionCache } from './auth/session-cache'
import { createAuth } from './http/auth'
import { decodeCursor, encodeCursor } from './http/cursor'
import { HttpError, parseOr400 } from './http/errors'
import { sendJsonWithEtag } from './http/etag'
import { parsePushBody } from './http/push-body'
import { readJsonBody } from './http/read-json'
import { findUnstorable } from './http/storable'
import { createPhotosApi } from './photos-api'
import { createPlansApi } from './plans-api'
import { getPlanData, publishPlans } from './storage/plans'
import { pullChanges } from './storage/pull'
import { createPushBatcher } from './storage/push-batcher'
import { createSession } from './storage/sessions'
import { findUserForLogin } from './storage/users'

export interface ApiDeps {
  store: Store
  logger: Logger
  clientIp: (c: Context) => string
  /** Sign-in throttling (limits, window, clock); the defaults are 5 per account and 20 per address a minute. */
  loginThrottle?: Partial<LoginThrottleOptions>
  /** The local control token of a PGlite server: admin rights for requests from loopback addresses. */
  controlToken?: string
  /** Per-photo size cap and per-user quota (tests shrink them). */
  photoLimits?: Partial<PhotoLimits>
}

const PLAN_UPLOAD_LIMIT = 16 * 1024 * 1024

const PullQuerySchema = z.object({
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(PULL_MAX_LIMIT).default(PULL_DEFAULT_LIMIT),
})

/** The /api routes. Storage lives in server/storage; this module only speaks HTTP. */
export function createApi(deps: ApiDeps) {
  const { store, logger } = deps
  const api = new Hono<AuthEnv>()
  // On PostgreSQL other processes (servers, `npm run user`) change sessions too: look every token up.
  const sessions = createSessionCache(store, { ttlMs: store.kind === 'postgres' ? 0 : 10_000 })
  const throttle = createLoginThrottle(store, deps.loginThrottle)
  const { requireUser, requireAdmin } = createAuth({ sessions, controlToken: deps.controlToken, clientIp: deps.clientIp })
  const pushes = createPushBatcher(store)

  api.post('/auth/login', async (c) => {
    const body = parseOr400(LoginRequestSchema, await readJsonBody(c, 16 * 1024))
    const ip = deps.clientIp(c)
    const attempt = await throttle.begin(body.name, ip)
    if ('wait' in attempt) {
      logger.warn({ ip, wait: attempt.wait }, 'sign-in throttled')
      throw new HttpError(429, `too many failed sign-ins, try again in ${attempt.wait} s`, { 'Retry-After': String(attempt.wait) })
    }
    const user = await findUserForLogin(store, body.name)
    // Unknown names cost a hash check too, so timing does not reveal which names exist.
    const ok = await verifyPassword(body.password, user?.passwordHash ?? await dummyHash())
    if (!user || !ok) {
      // Only an existing account's name is logged: what was typed may be a password in the wrong field.
      logger.info({ user: user?.name, ip }, 'sign-in failed')
      throw new HttpError(401, 'wrong name or password')
    }
    await attempt.succeeded()
    if (user.disabled) {
      logger.info({ user: user.name, ip }, 'sign-in of a disabled account refused')
      throw new HttpError(403, 'this account is disabled: 该账号已停用，请联系管理员')
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

  // The whole data set: what clients before per-plan refresh read (an older build's service worker still may).
  api.get('/plans', async (c) => {
    const data = await getPlanData(store)
    if (!data)
      throw new HttpError(404, 'no plan data published yet')
    return sendJsonWithEtag(c, data)
  })

  api.route('/', createPlansApi(store))

  api.put('/admin/plans', requireAdmin, async (c) => {
    const raw = await readJsonBody(c, PLAN_UPLOAD_LIMIT)
    // Decide the shape first so errors name the fields of the schema the sender meant.
    const isPlanData = typeof raw === 'object' && raw !== null && 'plans' in raw
    const input = isPlanData ? parseOr400(PlanDataSchema, raw) : parseOr400(PlanSchema, raw)
    const unstorable = findUnstorable(input)
    if (unstorable)
      throw new HttpError(400, `invalid body: ${unstorable.join('.') || '(root)'}: contains a NUL character or a lone UTF-16 surrogate, which cannot be stored`)
    const result = await publishPlans(store, input)
    logger.info({ actor: c.get('actor'), version: result.version, added: result.added, replaced: result.replaced }, 'plans published')
    return c.json({ version: result.version, etag: result.etag, added: result.added, replaced: result.replaced })
  })

  api.route('/admin/users', createAdminUsersApi({ store, logger, requireAdmin, changed: () => sessions.clear() }))

  api.route('/photos', createPhotosApi({ store, logger, requireUser, limits: deps.photoLimits }))

  api.post('/sync/push', requireUser, async (c) => {
    const items = parsePushBody(await readJsonBody(c))
    const valid = items.flatMap(item => ('mutation' in item ? [item.mutation] : []))
    const stored = await pushes.push(c.get('user'), valid)
    let next = 0
    const results = items.map(item => ('mutation' in item
      ? stored[next++]!
      : { id: item.id, status: 'rejected' as const, reason: 'unstorable text' as const, field: item.field }))
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
