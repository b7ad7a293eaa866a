import type { Checkin } from '~/domain/progress'

export type CheckinSyncState = 'pending' | 'synced' | 'rejected'

/** A check-in as stored, with where it stands in sync. */
export interface CheckinRow extends Checkin {
  syncState: CheckinSyncState
  /** Why the server refused it, in words the UI can show. */
  rejectReason?: string
  /** Set once the check-in is known to the server under an account. */
  userId?: string
}
