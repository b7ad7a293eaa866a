import { LegacyV9DB } from './legacy-v9'

/** The app's IndexedDB as schema v10 wrote it (theme board counts; no plan facts yet): src/db/db.ts versions 1–10. */
export class LegacyV10DB extends LegacyV9DB {
  constructor(name: string) {
    super(name)
    this.version(10).stores({
      boardIndex: 'key',
    })
  }
}
