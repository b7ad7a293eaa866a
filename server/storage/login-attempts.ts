import type { Queryable } from '../store/store'

/** Records one attempt under each key at `at`; returns the new rows' ids. */
export async function recordAttempts(store: Queryable, keyHashes: string[], at: Date): Promise<string[]> {
  const rows = await store.query<{ id: string }>(
    'insert into login_attempts (key_hash, at) select k, $2 from unnest($1::text[]) as t (k) returning id::text as id',
    [keyHashes, at.toISOString()],
  )
  return rows.map(row => row.id)
}

/** The attempts under `keyHashes` after `since`, newest first. */
export async function recentAttempts(store: Queryable, keyHashes: string[], since: Date): Promise<{ keyHash: string, at: number }[]> {
  const rows = await store.query<{ key_hash: string, at: Date | string }>(
    `select key_hash, at from login_attempts
      where key_hash = any($1::text[]) and at > $2
      order by at desc`,
    [keyHashes, since.toISOString()],
  )
  return rows.map(row => ({ keyHash: row.key_hash, at: new Date(row.at).getTime() }))
}

/** Deletes attempts by id (sign-ins that succeeded). */
export async function forgetAttempts(store: Queryable, ids: string[]): Promise<void> {
  if (ids.length > 0)
    await store.query('delete from login_attempts where id = any($1::bigint[])', [ids])
}

/** Deletes attempts from before `before`; they no longer count. */
export async function sweepAttempts(store: Queryable, before: Date): Promise<void> {
  await store.query('delete from login_attempts where at <= $1', [before.toISOString()])
}
