import type { Checkin } from '~/domain/progress'

export type CheckinSyncState = 'pending' | 'synced' | 'rejected'

/** A check-in as stored, with whose it is and where it stands in sync. */
export interface CheckinRow extends Checkin {
  /** The account it was made under (or pulled for), or 本机 (LOCAL_OWNER) when made signed out. */
  owner: string
  syncState: CheckinSyncState
  /** Why the server refused it, in words the UI can show. */
  rejectReason?: string
  /** Hashes of its photos on the server, as pulled (own photos taken on this device are in `photos`). */
  photos?: string[]
  /** Before schema v5: the account a pulled check-in belonged to (read once by the upgrade). */
  userId?: string
}
