import type { Queryable } from '../store/store'
import { hashPassword } from '../auth/password'

export interface User {
  id: string
  name: string
  unit: string
  admin: boolean
}

interface UserRow { id: string, name: string, unit: string, is_admin: boolean }

const toUser = (row: UserRow): User => ({ id: row.id, name: row.name, unit: row.unit, admin: row.is_admin })
const USER_COLUMNS = 'id::text as id, name, unit, is_admin'

/**
 * Creates an account (or, with `replace`, resets an existing one's unit, role and password).
 * Input checks (names, the password policy) are the caller's: the admin API and the account command.
 */
export async function addUser(
  store: Queryable,
  input: { name: string, unit: string, admin: boolean, password: string },
  options: { replace?: boolean } = {},
): Promise<User> {
  const hash = await hashPassword(input.password)
  const conflict = options.replace
    ? 'on conflict (name) do update set unit = excluded.unit, is_admin = excluded.is_admin, password_hash = excluded.password_hash'
    : ''
  const rows = await store.query<UserRow>(
    `insert into users (name, unit, is_admin, password_hash) values ($1, $2, $3, $4) ${conflict} returning ${USER_COLUMNS}`,
    [input.name, input.unit, input.admin, hash],
  )
  return toUser(rows[0]!)
}

/** Every account, by name. */
export async function listUsers(store: Queryable): Promise<User[]> {
  const rows = await store.query<UserRow>(`select ${USER_COLUMNS} from users order by name`)
  return rows.map(toUser)
}

/** The account named `name` with its password hash and whether it is disabled, or undefined. */
export async function findUserForLogin(store: Queryable, name: string): Promise<(User & { passwordHash: string, disabled: boolean }) | undefined> {
  const rows = await store.query<UserRow & { password_hash: string, disabled: boolean }>(
    `select ${USER_COLUMNS}, password_hash, disabled_at is not null as disabled from users where name = $1`,
    [name],
  )
  const row = rows[0]
  return row && { ...toUser(row), passwordHash: row.password_hash, disabled: row.disabled }
}
