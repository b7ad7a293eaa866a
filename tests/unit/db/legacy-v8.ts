import { LegacyV7DB } from './legacy-v7'

/** The app's IndexedDB as schema v8 wrote it (word pinyin per plan; no photos yet): src/db/db.ts versions 1–8. */
export class LegacyV8DB extends LegacyV7DB {
  constructor(name: string) {
    super(name)
    this.version(8).stores({
      planPinyin: 'planId',
    })
  }
}
