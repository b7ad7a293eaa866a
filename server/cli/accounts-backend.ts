import type { z } from 'zod'
import type { AdminSession, AdminUser, CreateUserRequest, UpdateUserRequest } from '../../src/domain/admin-api'
import type { Store } from '../store/store'
import {
  RemoveRefusedResponseSchema,
  RemoveUserResponseSchema,
  RevokeResponseSchema,
  SessionListResponseSchema,
  UserChangeResponseSchema,
  UserListResponseSchema,
  UserResponseSchema,
} from '../../src/domain/admin-api'
import {
  createAccount,
  listAccounts,
  listAccountSessions,
  removeAccount,
  revokeAccountSessions,
  setAccountDisabled,
  setAccountPassword,
  updateAccount,
} from '../storage/accounts'

/** What `npm run user` does to accounts, whether it holds the store itself or asks the running server. */
export interface AccountsBackend {
  /** Where the changes go, for messages. */
  readonly where: string
  list: () => Promise<AdminUser[]>
  /** The new account, or undefined when the name is taken. */
  add: (input: CreateUserRequest) => Promise<AdminUser | undefined>
  update: (name: string, patch: UpdateUserRequest) => Promise<AdminUser>
  disable: (name: string) => Promise<{ user: AdminUser, revokedSessions: number }>
  enable: (name: string) => Promise<AdminUser>
  /** Refused (`removed: false`) when the account has check-ins and `withCheckins` is not set. */
  remove: (name: string, withCheckins: boolean) => Promise<{ removed: boolean, checkins: number }>
  setPassword: (name: string, password: string) => Promise<{ user: AdminUser, revokedSessions: number }>
  sessions: (name: string) => Promise<AdminSession[]>
  /** Revokes one session by id, or all live ones; returns how many. */
  revoke: (name: string, sessionId?: string) => Promise<number>
  close: () => Promise<void>
}

function known<T>(name: string, value: T | undefined): T {
  if (value === undefined)
    throw new Error(`no user named ${name}`)
  return value
}

/** Changes accounts in a store this process opened (PostgreSQL, or a PGlite directory no server holds). */
export function directBackend(store: Store, where: string): AccountsBackend {
  return {
    where,
    list: () => listAccounts(store),
    add: input => createAccount(store, input),
    update: async (name, patch) => known(name, await updateAccount(store, name, patch)),
    disable: async name => known(name, await setAccountDisabled(store, name, true)),
    enable: async name => known(name, await setAccountDisabled(store, name, false)).user,
    remove: async (name, withCheckins) => known(name, await removeAccount(store, name, { withCheckins })),
    setPassword: async (name, password) => known(name, await setAccountPassword(store, name, password)),
    sessions: async name => known(name, await listAccountSessions(store, name)),
    revoke: async (name, sessionId) => {
      const revoked = known(name, await revokeAccountSessions(store, name, sessionId))
      if (sessionId && revoked === 0)
        throw new Error('no live session with that id')
      return revoked
    },
    close: () => store.close(),
  }
}

interface Answer { status: number, body: unknown }

/** The parsed body of a 2xx answer; else the server's error message as an Error. */
function expectOk<S extends z.ZodType>(answer: Answer, schema: S): z.output<S> {
  if (answer.status >= 200 && answer.status < 300)
    return schema.parse(answer.body)
  const error = (answer.body as { error?: unknown } | undefined)?.error
  throw new Error(typeof error === 'string' ? error : `the server answered ${answer.status}`)
}

/** Changes accounts through a running server's admin API, authorised by its local control token. */
export function remoteBackend(baseUrl: string, token: string, where: string): AccountsBackend {
  async function call(method: string, path: string, body?: unknown): Promise<Answer> {
    const res = await fetch(`${baseUrl}/api/admin/users${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: res.status, body: await res.json().catch(() => undefined) }
  }
  const at = (name: string, rest = '') => `/${encodeURIComponent(name)}${rest}`

  return {
    where,
    list: async () => expectOk(await call('GET', ''), UserListResponseSchema).users,
    add: async (input) => {
      const answer = await call('POST', '', input)
      return answer.status === 409 ? undefined : expectOk(answer, UserResponseSchema).user
    },
    update: async (name, patch) => expectOk(await call('PATCH', at(name), patch), UserResponseSchema).user,
    disable: async name => expectOk(await call('POST', at(name, '/disable')), UserChangeResponseSchema),
    enable: async name => expectOk(await call('POST', at(name, '/enable')), UserResponseSchema).user,
    remove: async (name, withCheckins) => {
      const answer = await call('DELETE', at(name, withCheckins ? '?withCheckins=1' : ''))
      const refused = answer.status === 409 ? RemoveRefusedResponseSchema.safeParse(answer.body) : undefined
      if (refused?.success)
        return { removed: false, checkins: refused.data.checkins }
      return expectOk(answer, RemoveUserResponseSchema)
    },
    setPassword: async (name, password) => expectOk(await call('PUT', at(name, '/password'), { password }), UserChangeResponseSchema),
    sessions: async name => expectOk(await call('GET', at(name, '/sessions')), SessionListResponseSchema).sessions,
    revoke: async (name, sessionId) => {
      const path = at(name, sessionId ? `/sessions/${encodeURIComponent(sessionId)}` : '/sessions')
      return expectOk(await call('DELETE', path), RevokeResponseSchema).revoked
    },
    close: async () => {},
  }
}
