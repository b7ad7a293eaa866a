/** Key/value settings the app keeps next to its data. */
export interface MetaRow {
  key: string
  value: unknown
}

export const META_KEYS = {
  /** Version (content hash) of the plan data now stored. */
  dataVersion: 'dataVersion',
  /** ISO date-time the plan data was last replaced. */
  dataUpdatedAt: 'dataUpdatedAt',
  /** This installation's id, made once; sent with every mutation. */
  deviceId: 'deviceId',
  session: 'session',
  /** Where the stored plan data came from: 'build' (shipped with the app) or 'server' (/api/plans). */
  dataSource: 'dataSource',
  /** ETag of the plan data last taken from /api/plans. */
  plansEtag: 'plansEtag',
  /** ETag of the manifest last taken from /api/plans/manifest. */
  plansManifestEtag: 'plansManifestEtag',
  /** Each server plan's version as the manifest named it when the plan was stored (plan id → version). */
  planVersions: 'planVersions',
  /** The data version those plan versions describe (the manifest's dataVersion when they were recorded). */
  planVersionsOf: 'planVersionsOf',
  /** Version of the theme list stored, as the manifest named it. */
  themesVersion: 'themesVersion',
  /** ISO date-time a plan imported on this device was last added, replaced or deleted (the search index key). */
  localPlansChangedAt: 'localPlansChangedAt',
  /** Deadline reminder settings (src/domain/reminders.ts); absent: off. */
  reminderSettings: 'reminderSettings',
  /** The China calendar day (YYYY-MM-DD) a reminder was last shown, by a notification or the in-app banner. */
  lastReminderDay: 'lastReminderDay',
} as const

export const CURSOR_KEY_PREFIX = 'syncCursor:'

/** Pull cursors are per account: another user signing in on this device starts from the beginning. */
export function cursorKey(userName: string): string {
  return `${CURSOR_KEY_PREFIX}${userName}`
}
