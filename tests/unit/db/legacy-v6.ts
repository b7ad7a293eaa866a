import { LegacyV5DB } from './legacy-v5'

/** The app's IndexedDB as schema v6 wrote it (local plans, before the linksTo index): src/db/db.ts versions 1–6. */
export class LegacyV6DB extends LegacyV5DB {
  constructor(name: string) {
    super(name)
    this.version(6).stores({
      plans: 'id, level, year, origin',
      unpublishedPoints: 'pointId, planId',
      sharedFiles: '++id',
    })
  }
}
