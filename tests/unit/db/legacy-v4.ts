import Dexie from 'dexie'

/**
 * The app's IndexedDB as schema v4 wrote it (before owners): the same store definitions as src/db/db.ts
 * versions 1–4, so a test can write a database exactly as an installed app of that version left it.
 */
export class LegacyV4DB extends Dexie {
  constructor(name: string) {
    super(name)
    this.version(1).stores({
      plans: 'id, level, year',
      points: 'id, planId, *themes, deadline, [planId+order]',
      themes: 'id',
      favorites: 'pointId',
      checkins: 'id, pointId, createdAt, [pointId+createdAt], syncState',
      outbox: 'id, state, createdAt',
      meta: 'key',
    })
    this.version(2).stores({ unitCheckins: 'id, pointId, [pointId+createdAt]' })
    this.version(3).stores({ deckIndex: 'key', points: 'id, *themes, deadline, [planId+order]' })
    this.version(4).stores({ points: 'id, deadline, [planId+order]' })
  }
}

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 8, minute)).toISOString()

/** A v4 check-in row and its outbox row, as addCheckin of that version wrote them. */
export function legacyCheckin(n: number, pointId: string, deviceId: string) {
  const id = `01937f00-0000-7000-8000-${String(n).padStart(12, '0')}`
  const mutationId = `01937f00-0000-7000-9000-${String(n).padStart(12, '0')}`
  const checkin = { id, pointId, status: 'in_progress', progress: 10 * n, note: `升级前的打卡 ${n}`, createdAt: at(n), deviceId }
  return {
    row: { ...checkin, syncState: 'pending' },
    outbox: { id: mutationId, mutation: { id: mutationId, kind: 'checkin.create', checkin }, createdAt: at(n), attempts: n % 3, nextAttemptAt: 0, state: 'pending' },
  }
}

/** A v4 favorite row and its outbox row. */
export function legacyFavorite(n: number, pointId: string, deviceId: string) {
  const mutationId = `01937f00-0000-7000-a000-${String(n).padStart(12, '0')}`
  const favorite = { pointId, on: true, updatedAt: at(n), deviceId }
  return {
    row: favorite,
    outbox: { id: mutationId, mutation: { id: mutationId, kind: 'favorite.set', favorite }, createdAt: at(n), attempts: 0, nextAttemptAt: 0, state: 'pending' },
  }
}
