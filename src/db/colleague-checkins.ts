import type { Checkin } from '~/domain/progress'

/** A colleague's check-in (same unit), pulled read-only from the server for one signed-in viewer. */
export interface ColleagueCheckinRow extends Checkin {
  /** The account that pulled it: another account signing in on this device never sees it. */
  viewer: string
  /** The colleague's account name. */
  author: string
  /** Hashes of the colleague's 佐证 photos (GET /api/photos/:hash, loaded when shown). */
  photos?: string[]
}
