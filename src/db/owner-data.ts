import type { FavoriteRow } from './favorites'
import type { PhotoUploadState } from './photos'
import Dexie from 'dexie'
import { LOCAL_OWNER } from '~/domain/owner'
import { db } from './db'
import { cursorKey } from './meta'

/** What one owner keeps on this device, as 退出登录 and the 本机 question count it. */
export interface OwnerDataCounts {
  checkins: number
  /** Favorites switched on (tombstones are not the user's idea of a favorite). */
  favorites: number
  /** Outbox rows waiting to be sent. */
  pending: number
  /** Outbox rows set apart (refused or unstorable), still on the device. */
  setApart: number
}

// A prefix range over a compound key that starts with the owner: [owner, -∞] … [owner, [[]]] spans every row.
const PHOTO_STATES: readonly PhotoUploadState[] = ['pending', 'uploaded', 'rejected']

const ownerRange = (owner: string) => [[owner, Dexie.minKey], [owner, Dexie.maxKey]] as const

function ownFavorites(owner: string) {
  return db.favoritesByOwner.where('[owner+pointId]').between(...ownerRange(owner))
}

function ownCheckins(owner: string) {
  return db.checkins.where('[owner+pointId+createdAt]').between(...ownerRange(owner))
}

/** Counts `owner`'s check-ins, favorites and outbox rows (works inside liveQuery). */
export async function countOwnerData(owner: string): Promise<OwnerDataCounts> {
  const [checkins, favorites, pending, setApart] = await Promise.all([
    ownCheckins(owner).count(),
    ownFavorites(owner).filter(f => f.on).count(),
    db.outbox.where('[owner+state]').equals([owner, 'pending']).count(),
    db.outbox.where('[owner+state]').equals([owner, 'rejected']).count(),
  ])
  return { checkins, favorites, pending, setApart }
}

/** True when anything was made as 本机 that an account could adopt. */
export async function hasLocalData(): Promise<boolean> {
  const counts = await countOwnerData(LOCAL_OWNER)
  return counts.checkins + counts.favorites + counts.pending + counts.setApart > 0
}

/**
 * 合并到此账号: moves every 本机 check-in, photo and outbox row to `account`, and merges 本机 favorites into the
 * account's by last-writer-wins, in one transaction. Only ever called after the user agreed.
 */
export async function adoptLocalData(account: string): Promise<number> {
  if (account === LOCAL_OWNER)
    throw new Error('本机 data can only be adopted by an account')
  return db.transaction('rw', [db.checkins, db.outbox, db.favoritesByOwner, db.photos], async () => {
    const checkins = await ownCheckins(LOCAL_OWNER).modify({ owner: account })
    await db.photos.where('[owner+state]').anyOf(PHOTO_STATES.map(s => [LOCAL_OWNER, s])).modify({ owner: account })
    const outbox = await db.outbox.where('[owner+state]').anyOf([[LOCAL_OWNER, 'pending'], [LOCAL_OWNER, 'rejected']]).modify({ owner: account })
    const local = await ownFavorites(LOCAL_OWNER).toArray()
    const theirs = await db.favoritesByOwner.bulkGet(local.map(f => [account, f.pointId] as [string, string]))
    const merged: FavoriteRow[] = local
      .filter((f, i) => favoriteWins(f, theirs[i]))
      .map(f => ({ ...f, owner: account }))
    await db.favoritesByOwner.bulkPut(merged)
    await ownFavorites(LOCAL_OWNER).delete()
    return checkins + outbox + local.length
  })
}

/**
 * 退出并清除本机数据: deletes every row `owner` has on this device (check-ins, favorites, outbox rows — pending ones
 * too, which the confirmation counted — its photos, colleagues' check-ins and photos kept for it, and its pull cursor).
 */
export async function clearOwnerData(owner: string): Promise<void> {
  await db.transaction('rw', [db.checkins, db.outbox, db.favoritesByOwner, db.colleagueCheckins, db.meta, db.photos, db.photoCache], async () => {
    await ownCheckins(owner).delete()
    await db.photos.where('[owner+state]').anyOf(PHOTO_STATES.map(s => [owner, s])).delete()
    await db.photoCache.where('[viewer+usedAt]').between(...ownerRange(owner)).delete()
    await ownFavorites(owner).delete()
    await db.outbox.where('[owner+state]').anyOf([[owner, 'pending'], [owner, 'rejected']]).delete()
    await db.colleagueCheckins.where('[viewer+pointId+createdAt]').between(...ownerRange(owner)).delete()
    await db.meta.delete(cursorKey(owner))
  })
}

/**
 * Gives outbox rows that have no owner (written by something other than this app's actions, which always set
 * one) and their check-ins to `owner`, the signed-in account, as the v5 upgrade did: otherwise no account's
 * sync would ever see them and they would wait forever. Returns how many rows it claimed.
 */
export async function claimUnownedOutbox(owner: string): Promise<number> {
  return db.transaction('rw', db.outbox, db.checkins, async () => {
    const rows = await db.outbox.filter(r => typeof r.owner !== 'string').toArray()
    for (const row of rows) {
      await db.outbox.update(row.id, { owner })
      if (row.mutation.kind === 'checkin.create') {
        const checkin = await db.checkins.get(row.mutation.checkin.id)
        if (checkin && typeof checkin.owner !== 'string')
          await db.checkins.update(checkin.id, { owner })
      }
    }
    return rows.length
  })
}

/** Last-writer-wins on (updatedAt, deviceId): true when `incoming` should replace `current`. */
export function favoriteWins(incoming: Pick<FavoriteRow, 'updatedAt' | 'deviceId'>, current: Pick<FavoriteRow, 'updatedAt' | 'deviceId'> | undefined): boolean {
  if (!current)
    return true
  if (incoming.updatedAt !== current.updatedAt)
    return incoming.updatedAt > current.updatedAt
  return incoming.deviceId > current.deviceId
}
