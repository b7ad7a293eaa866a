import { LegacyV4DB } from './legacy-v4'

/** The app's IndexedDB as schema v5 wrote it (owners, before local plans): src/db/db.ts versions 1–5. */
export class LegacyV5DB extends LegacyV4DB {
  constructor(name: string) {
    super(name)
    this.version(5).stores({
      checkins: 'id, pointId, [owner+pointId+createdAt]',
      outbox: 'id, state, createdAt, [owner+state]',
      favorites: null,
      favoritesByOwner: '[owner+pointId]',
      unitCheckins: null,
      colleagueCheckins: '[viewer+author+id], [viewer+pointId+createdAt]',
    })
  }
}
