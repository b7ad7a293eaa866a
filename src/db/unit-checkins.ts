import type { Checkin } from '~/domain/progress'

/** A colleague's check-in (same unit), pulled read-only from the server. */
export interface UnitCheckinRow extends Checkin {
  /** The colleague's account name. */
  author: string
}
