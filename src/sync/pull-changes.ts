import type { SyncApiClient } from './sync-api-client'
import type { CheckinRow } from '~/db/checkins'
import type { PullResponse } from '~/domain/sync-api'
import { db } from '~/db/db'
import { cursorKey } from '~/db/meta'
import { favoriteWins } from '~/db/owner-data'

export { favoriteWins }

async function applyPage(userName: string, page: PullResponse): Promise<void> {
  await db.transaction('rw', [db.checkins, db.favoritesByOwner, db.colleagueCheckins, db.meta], async () => {
    for (const pulled of page.checkins) {
      const { author, mine, ...checkin } = pulled
      if (mine) {
        const row: CheckinRow = { ...checkin, owner: userName, syncState: 'synced' }
        await db.checkins.put(row)
      }
      else if (author !== userName) {
        await db.colleagueCheckins.put({ ...checkin, viewer: userName, author })
      }
    }
    for (const favorite of page.favorites) {
      if (favoriteWins(favorite, await db.favoritesByOwner.get([userName, favorite.pointId])))
        await db.favoritesByOwner.put({ ...favorite, owner: userName })
    }
    await db.meta.put({ key: cursorKey(userName), value: page.nextCursor })
  })
}

/**
 * Pulls everything that changed for this user since the stored cursor, page by page, into that user's rows (the
 * session may change meanwhile: what was pulled with a token belongs to the token's account). Each page and its
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
