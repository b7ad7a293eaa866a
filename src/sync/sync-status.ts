import { db } from '~/db/db'

/** What the last sync run left behind, for the sync chip and 我的. */
export interface SyncStatus {
  lastSyncedAt?: string
  lastAttemptAt?: string
  /** In words, for the user; cleared by the next successful run. */
  lastError?: string
  /** The last run never reached the server (no answer at all): the chip says 离线 even where navigator.onLine is true. */
  unreachable?: boolean
  running?: boolean
}

export const SYNC_STATUS_KEY = 'syncStatus'

export async function getSyncStatus(): Promise<SyncStatus> {
  return ((await db.meta.get(SYNC_STATUS_KEY))?.value as SyncStatus | undefined) ?? {}
}

/** Merges a change into the stored sync status. */
export async function updateSyncStatus(change: Partial<SyncStatus>): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const current = await getSyncStatus()
    const next: SyncStatus = { ...current, ...change }
    for (const key of Object.keys(change) as Array<keyof SyncStatus>) {
      if (change[key] === undefined)
        delete next[key]
    }
    await db.meta.put({ key: SYNC_STATUS_KEY, value: next })
  })
}
