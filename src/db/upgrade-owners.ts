import type { Transaction } from 'dexie'
import type { CheckinRow } from './checkins'
import type { FavoriteRow } from './favorites'
import type { OutboxRow } from './outbox'
import { LOCAL_OWNER } from '~/domain/owner'
import { CURSOR_KEY_PREFIX, META_KEYS } from './meta'

/**
 * The v5 upgrade: rows made before owners existed go to the account in the stored session (a pulled check-in to
 * the account it was pulled for), or to 本机 when nobody is signed in. Every outbox row is kept, pending or set
 * apart. Colleagues' check-ins were shared by every account that had signed in here, so they are dropped
 * with every pull cursor: the next pull fetches each account's view afresh, and re-pulled own rows and favorites
 * merge idempotently.
 */
export async function assignOwners(tx: Transaction): Promise<void> {
  const session = (await tx.table('meta').get(META_KEYS.session))?.value as { user?: { name?: unknown } } | undefined
  const owner = typeof session?.user?.name === 'string' && session.user.name ? session.user.name : LOCAL_OWNER

  await tx.table<CheckinRow, string>('checkins').toCollection().modify((row) => {
    row.owner = row.userId ?? owner
    delete row.userId
  })
  await tx.table<OutboxRow, string>('outbox').toCollection().modify((row) => {
    row.owner = owner
  })
  const favorites = await tx.table<Omit<FavoriteRow, 'owner'>, string>('favorites').toArray()
  await tx.table<FavoriteRow, [string, string]>('favoritesByOwner').bulkPut(favorites.map(f => ({ ...f, owner })))
  const cursors = await tx.table('meta').where('key').startsWith(CURSOR_KEY_PREFIX).primaryKeys()
  await tx.table('meta').bulkDelete(cursors)
}
