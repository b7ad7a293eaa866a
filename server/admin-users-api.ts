import type { Context, MiddlewareHandler } from 'hono'
import type { Logger } from 'pino'
import type { AuthEnv } from './http/auth'
import type { Store } from './store/store'
import { Hono } from 'hono'
import { CreateUserRequestSchema, SetPasswordRequestSchema, UpdateUserRequestSchema, UserNameLookupSchema } from '../src/domain/admin-api'
import { z } from '../src/domain/zod'
import { HttpError, parseOr400 } from './http/errors'
import { readJsonBody } from './http/read-json'
import {
  createAccount,
  listAccounts,
  listAccountSessions,
  removeAccount,
  revokeAccountSessions,
  setAccountDisabled,
  setAccountPassword,
  updateAccount,
} from './storage/accounts'

export interface AdminUsersDeps {
  store: Store
  logger: Logger
  requireAdmin: MiddlewareHandler<AuthEnv>
  /** Called after every change to an account or a session (the session cache forgets what it knew). */
  changed: () => void
}

const NameParamSchema = z.object({ name: UserNameLookupSchema })
const SessionParamSchema = z.object({ name: UserNameLookupSchema, id: z.guid('expected a session id') })
const RemoveQuerySchema = z.object({ withCheckins: z.enum(['0', '1', 'true', 'false']).optional() })

const BODY_LIMIT = 16 * 1024

function found<T>(value: T | undefined): T {
  if (value === undefined)
    throw new HttpError(404, 'no such user')
  return value
}

/** `/api/admin/users…`: list, add, change, disable, enable, remove accounts; reset passwords; list and revoke sessions. */
export function createAdminUsersApi(deps: AdminUsersDeps) {
  const { store, logger } = deps
  const api = new Hono<AuthEnv>()
  api.use('*', deps.requireAdmin)

  const nameOf = (c: Context<AuthEnv>) => parseOr400(NameParamSchema, c.req.param(), 'path').name
  const audit = (c: Context<AuthEnv>, action: string, user: string, extra: Record<string, unknown> = {}) => {
    deps.changed()
    logger.info({ actor: c.get('actor'), user, action, ...extra }, 'account changed')
  }

  api.get('/', async c => c.json({ users: await listAccounts(store) }))

  api.post('/', async (c) => {
    const body = parseOr400(CreateUserRequestSchema, await readJsonBody(c, BODY_LIMIT))
    const user = await createAccount(store, body)
    if (!user)
      throw new HttpError(409, `a user named ${body.name} exists already`)
    audit(c, 'add', user.name, { admin: user.admin })
    return c.json({ user }, 201)
  })

  api.patch('/:name', async (c) => {
    const name = nameOf(c)
    const patch = parseOr400(UpdateUserRequestSchema, await readJsonBody(c, BODY_LIMIT))
    const user = found(await updateAccount(store, name, patch))
    audit(c, 'update', name, { admin: user.admin })
    return c.json({ user })
  })

  api.post('/:name/disable', async (c) => {
    const name = nameOf(c)
    const result = found(await setAccountDisabled(store, name, true))
    audit(c, 'disable', name, { revokedSessions: result.revokedSessions })
    return c.json(result)
  })

  api.post('/:name/enable', async (c) => {
    const name = nameOf(c)
    const { user } = found(await setAccountDisabled(store, name, false))
    audit(c, 'enable', name)
    return c.json({ user })
  })

  api.put('/:name/password', async (c) => {
    const name = nameOf(c)
    const { password } = parseOr400(SetPasswordRequestSchema, await readJsonBody(c, BODY_LIMIT))
    const result = found(await setAccountPassword(store, name, password))
    audit(c, 'password', name, { revokedSessions: result.revokedSessions })
    return c.json(result)
  })

  api.delete('/:name', async (c) => {
    const name = nameOf(c)
    const { withCheckins } = parseOr400(RemoveQuerySchema, c.req.query(), 'query')
    const result = found(await removeAccount(store, name, { withCheckins: withCheckins === '1' || withCheckins === 'true' }))
    if (!result.removed) {
      throw new HttpError(409, `${name} has ${result.checkins} check-ins, which are deleted with the account: `
        + 'pass withCheckins=1 to remove it anyway, or disable it to keep them', {}, { checkins: result.checkins })
    }
    audit(c, 'remove', name, { checkins: result.checkins })
    return c.json({ name, removed: true, checkins: result.checkins })
  })

  api.get('/:name/sessions', async (c) => {
    const sessions = found(await listAccountSessions(store, nameOf(c)))
    return c.json({ sessions })
  })

  api.delete('/:name/sessions', async (c) => {
    const name = nameOf(c)
    const revoked = found(await revokeAccountSessions(store, name))
    audit(c, 'revoke', name, { revoked })
    return c.json({ revoked })
  })

  api.delete('/:name/sessions/:id', async (c) => {
    const { name, id } = parseOr400(SessionParamSchema, c.req.param(), 'path')
    const revoked = found(await revokeAccountSessions(store, name, id))
    if (revoked === 0)
      throw new HttpError(404, 'no live session with that id')
    audit(c, 'revoke', name, { revoked })
    return c.json({ revoked })
  })

  return api
}
