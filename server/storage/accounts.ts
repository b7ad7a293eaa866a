import type { AdminSession, AdminUser, CreateUserRequest, UpdateUserRequest } from '../../src/domain/admin-api'
import type { Queryable, Store } from '../store/store'
import { hashPassword } from '../auth/password'
import { revokeUserSessions } from './sessions'

/**
 * Account administration, shared by the admin API and `npm run user` when it opens the store itself.
 * Inputs are already checked (src/domain/admin-api.ts); an unknown name is answered with undefined.
 */

interface AccountRow {
  id: string
  name: string
  unit: string
  is_admin: boolean
  disabled: boolean
  created_at: Date | string
  checkins: number
  active_sessions: number
}

const ACCOUNT_SELECT = `
  select u.id::text as id, u.name, u.unit, u.is_admin, u.disabled_at is not null as disabled, u.created_at,
         (select count(*)::int from checkins c where c.user_id = u.id) as checkins,
         (select count(*)::int from sessions s where s.user_id = u.id and s.revoked_at is null and s.expires_at > now()) as active_sessions
    from users u`

function toAccount(row: AccountRow): AdminUser {
  return {
    name: row.name,
    unit: row.unit,
    admin: row.is_admin,
    disabled: row.disabled,
    createdAt: new Date(row.created_at).toISOString(),
    checkins: row.checkins,
    activeSessions: row.active_sessions,
  }
}

async function findAccount(store: Queryable, name: string): Promise<(AdminUser & { id: string }) | undefined> {
  const row = (await store.query<AccountRow>(`${ACCOUNT_SELECT} where u.name = $1`, [name]))[0]
  return row && { ...toAccount(row), id: row.id }
}

const publicPart = ({ id: _id, ...account }: AdminUser & { id: string }): AdminUser => account

/** Every account with its counts, by name. */
export async function listAccounts(store: Queryable): Promise<AdminUser[]> {
  return (await store.query<AccountRow>(`${ACCOUNT_SELECT} order by u.name`)).map(toAccount)
}

/** The account named `name`, or undefined. */
export async function getAccount(store: Queryable, name: string): Promise<AdminUser | undefined> {
  const account = await findAccount(store, name)
  return account && publicPart(account)
}

/** Creates an account; undefined when the name is taken. */
export async function createAccount(store: Queryable, input: CreateUserRequest): Promise<AdminUser | undefined> {
  const hash = await hashPassword(input.password)
  const rows = await store.query(
    `insert into users (name, unit, is_admin, password_hash) values ($1, $2, $3, $4)
     on conflict (name) do nothing returning 1`,
    [input.name, input.unit, input.admin, hash],
  )
  return rows.length === 0 ? undefined : getAccount(store, input.name)
}

/** Changes an account's unit and/or role. Its check-ins keep the unit they were made in. */
export async function updateAccount(store: Queryable, name: string, patch: UpdateUserRequest): Promise<AdminUser | undefined> {
  const rows = await store.query(
    'update users set unit = coalesce($2, unit), is_admin = coalesce($3, is_admin) where name = $1 returning 1',
    [name, patch.unit ?? null, patch.admin ?? null],
  )
  return rows.length === 0 ? undefined : getAccount(store, name)
}

/**
 * Disables an account (its sessions are revoked, so a token found on a lost phone stays dead after it is
 * enabled again) or enables it.
 */
export async function setAccountDisabled(store: Store, name: string, disabled: boolean): Promise<{ user: AdminUser, revokedSessions: number } | undefined> {
  return store.transaction(async (tx) => {
    const rows = await tx.query<{ id: string }>(
      `update users set disabled_at = case when $2 then coalesce(disabled_at, now()) else null end
        where name = $1 returning id::text as id`,
      [name, disabled],
    )
    const id = rows[0]?.id
    if (!id)
      return undefined
    const revokedSessions = disabled ? await revokeUserSessions(tx, id) : 0
    return { user: (await getAccount(tx, name))!, revokedSessions }
  })
}

/** Sets a new password and revokes the account's sessions (a reset usually means the old one leaked). */
export async function setAccountPassword(store: Store, name: string, password: string): Promise<{ user: AdminUser, revokedSessions: number } | undefined> {
  const hash = await hashPassword(password)
  return store.transaction(async (tx) => {
    const rows = await tx.query<{ id: string }>('update users set password_hash = $2 where name = $1 returning id::text as id', [name, hash])
    const id = rows[0]?.id
    if (!id)
      return undefined
    const revokedSessions = await revokeUserSessions(tx, id)
    return { user: (await getAccount(tx, name))!, revokedSessions }
  })
}

/**
 * Deletes an account with its sessions, favorites, mutations and check-ins. An account holding check-ins is
 * only deleted with `withCheckins`; otherwise `removed` is false and `checkins` says how many it holds.
 */
export async function removeAccount(store: Store, name: string, options: { withCheckins: boolean }): Promise<{ removed: boolean, checkins: number } | undefined> {
  return store.transaction(async (tx) => {
    const account = await findAccount(tx, name)
    if (!account)
      return undefined
    if (account.checkins > 0 && !options.withCheckins)
      return { removed: false, checkins: account.checkins }
    const deleted = await tx.query<{ n: number }>(
      `with gone as (delete from checkins where user_id = $1 returning 1)
       select count(*)::int as n from gone`,
      [account.id],
    )
    await tx.query('delete from users where id = $1', [account.id])
    return { removed: true, checkins: deleted[0]!.n }
  })
}

interface SessionRow { id: string, created_at: Date | string, expires_at: Date | string, revoked_at: Date | string | null, state: AdminSession['state'] }

const iso = (value: Date | string) => new Date(value).toISOString()

/** An account's sessions (at most the newest 200), or undefined when there is no such account. */
export async function listAccountSessions(store: Queryable, name: string): Promise<AdminSession[] | undefined> {
  const account = await findAccount(store, name)
  if (!account)
    return undefined
  const rows = await store.query<SessionRow>(
    `select id::text as id, created_at, expires_at, revoked_at,
            case when revoked_at is not null then 'revoked' when expires_at <= now() then 'expired' else 'active' end as state
       from sessions where user_id = $1 order by created_at desc, id limit 200`,
    [account.id],
  )
  return rows.map(row => ({
    id: row.id,
    createdAt: iso(row.created_at),
    expiresAt: iso(row.expires_at),
    revokedAt: row.revoked_at === null ? null : iso(row.revoked_at),
    state: row.state,
  }))
}

/** Revokes one live session of an account by its id, or all of them; undefined when there is no such account. */
export async function revokeAccountSessions(store: Queryable, name: string, sessionId?: string): Promise<number | undefined> {
  const account = await findAccount(store, name)
  return account && revokeUserSessions(store, account.id, sessionId)
}
