import { LegacyV8DB } from './legacy-v8'

/** The app's IndexedDB as schema v9 wrote it (佐证 photos; no board counts yet): src/db/db.ts versions 1–9. */
export class LegacyV9DB extends LegacyV8DB {
  constructor(name: string) {
    super(name)
    this.version(9).stores({
      photos: 'id, checkinId, hash, [owner+state]',
      photoCache: '[viewer+hash], [viewer+usedAt]',
    })
  }
}
