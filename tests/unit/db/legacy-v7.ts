import { LegacyV6DB } from './legacy-v6'

/** The app's IndexedDB as schema v7 wrote it (points index linksTo; no planPinyin yet): src/db/db.ts versions 1–7. */
export class LegacyV7DB extends LegacyV6DB {
  constructor(name: string) {
    super(name)
    this.version(7).stores({
      points: 'id, deadline, [planId+order], *linksTo',
    })
  }
}
