import type { SyncApiClient } from './sync-api-client'
import type { CheckinRow } from '~/db/checkins'
import type { Favorite } from '~/domain/progress'
import type { PullResponse } from '~/domain/sync-api'
import { db } from '~/db/db'
import { cursorKey } from './session'

/** Last-writer-wins on (updatedAt, deviceId): true when `incoming` should replace `current`. */
export function favoriteWins(incoming: Favorite, current: Favorite | undefined): boolean {
  if (!current)
    return true
  if (incoming.updatedAt !== current.updatedAt)
    return incoming.updatedAt > current.updatedAt
  return incoming.deviceId > current.deviceId
}

async function applyPage(userName: string, page: PullResponse): Promise<void> {
  await db.transaction('rw', [db.checkins, db.favorites, db.unitCheckins, db.meta], async () => {
    for (const pulled of page.checkins) {
      const { author, mine, ...checkin } = pulled
      if (mine) {
        const row: CheckinRow = { ...checkin, syncState: 'synced', userId: userName }
        await db.checkins.put(row)
      }
      else {
        await db.unitCheckins.put({ ...checkin, author })
      }
    }
    for (const favorite of page.favorites) {
      if (favoriteWins(favorite, await db.favorites.get(favorite.pointId)))
        await db.favorites.put(favorite)
    }
    await db.meta.put({ key: cursorKey(userName), value: page.nextCursor })
  })
}

/**
 * Pulls everything that changed for this user since the stored cursor, page by page; each page and its
 * cursor are stored in one transaction, so an interrupted pull resumes where it stopped.
 */
export async function pullChanges(client: SyncApiClient, token: string, userName: string): Promise<number> {
  let received = 0
  for (;;) {
    const cursor = (await db.meta.get(cursorKey(userName)))?.value as string | undefined
    const page = await client.pull(token, cursor)
    await applyPage(userName, page)
    received += page.checkins.length + page.favorites.length
    if (!page.hasMore)
      return received
  }
}
