import { db } from './db'

/**
 * What the share sheet sent to the app (Web Share Target): the service worker stores it, the import page takes it.
 * Bytes are kept as an ArrayBuffer, not a File, so the row is the same in every IndexedDB implementation.
 */
export type SharedEntry
  = | { kind: 'file', name: string, type: string, bytes: ArrayBuffer }
    | { kind: 'text', title: string, text: string }

export type SharedEntryRow = SharedEntry & { id?: number, sharedAt: string }

/** Stores what was shared (called by the service worker before it redirects to the import page). */
export async function storeSharedEntries(entries: SharedEntry[], now: Date = new Date()): Promise<void> {
  await db.sharedFiles.bulkAdd(entries.map(e => ({ ...e, sharedAt: now.toISOString() })))
}

/** Takes every shared entry and clears them, in one transaction, so a reload never imports a share twice. */
export async function takeSharedEntries(): Promise<SharedEntryRow[]> {
  return db.transaction('rw', db.sharedFiles, async () => {
    const rows = await db.sharedFiles.toArray()
    await db.sharedFiles.clear()
    return rows
  })
}
