import type { EntityTable } from 'dexie'
import type { CheckinRow } from './checkins'
import type { ColleagueCheckinRow } from './colleague-checkins'
import type { DeckIndexRow } from './deck-index'
import type { FavoriteRow } from './favorites'
import type { MetaRow } from './meta'
import type { OutboxRow } from './outbox'
import type { PhotoCacheRow, PhotoRow } from './photos'
import type { PlanFactsRow } from './plan-facts'
import type { PlanPinyinRow } from './plan-pinyin'
import type { PlanRow } from './plans'
import type { PointRow } from './points'
import type { SharedEntryRow } from './shared-files'
import type { ThemeRow } from './themes'
import type { UnpublishedPointRow } from './unpublished-points'
import type { BoardIndexRow } from '~/domain/board-index'
import Dexie from 'dexie'
import { addLinkTargets } from './upgrade-links'
import { assignOwners } from './upgrade-owners'

export const DB_NAME = 'yaodiantong'

/**
 * The app's IndexedDB. Schema changes add a new `this.version(n)` with an upgrade
 * function; an upgrade must never drop pending outbox rows.
 */
export class AppDB extends Dexie {
  declare plans: EntityTable<PlanRow, 'id'>
  declare points: EntityTable<PointRow, 'id'>
  declare themes: EntityTable<ThemeRow, 'id'>
  /** Keyed by [owner+pointId]. */
  declare favoritesByOwner: Dexie.Table<FavoriteRow, [string, string]>
  declare checkins: EntityTable<CheckinRow, 'id'>
  declare outbox: EntityTable<OutboxRow, 'id'>
  declare meta: EntityTable<MetaRow, 'key'>
  /** Keyed by [viewer+author+id]: check-in ids are unique per author only. */
  declare colleagueCheckins: Dexie.Table<ColleagueCheckinRow, [string, string, string]>
  declare deckIndex: EntityTable<DeckIndexRow, 'key'>
  /** Points of plans imported on this device that the server does not know yet. */
  declare unpublishedPoints: EntityTable<UnpublishedPointRow, 'pointId'>
  /** Files and text shared to the app (Web Share Target), kept until the import page takes them. */
  declare sharedFiles: EntityTable<SharedEntryRow, 'id'>
  /** Each plan's word pinyin for search, as shipped with its data (the search worker builds its postings from it). */
  declare planPinyin: EntityTable<PlanPinyinRow, 'planId'>
  /** 佐证 photos of this device's check-ins (src/db/photos.ts). */
  declare photos: EntityTable<PhotoRow, 'id'>
  /** Colleagues' photos viewed here, kept within a budget. Keyed by [viewer+hash]. */
  declare photoCache: Dexie.Table<PhotoCacheRow, [string, string]>
  /** Each theme's 进度看板 counts per plan, kept with the theme decks (src/db/board-index.ts). */
  declare boardIndex: EntityTable<BoardIndexRow, 'key'>
  /** Each plan's units in compact form, for 我的单位 and the lists' filters (src/db/plan-facts.ts). */
  declare planFacts: EntityTable<PlanFactsRow, 'planId'>

  constructor(name: string = DB_NAME) {
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
    // v2: colleagues' check-ins pulled read-only by sync; purely additive, the outbox is untouched.
    this.version(2).stores({
      unitCheckins: 'id, pointId, [pointId+createdAt]',
    })
    // v3: theme decks' ids in reading order (built with the plan data); the planId index gives way to
    // [planId+order], which answers the same queries, so every point write updates one index fewer.
    this.version(3).stores({
      deckIndex: 'key',
      points: 'id, *themes, deadline, [planId+order]',
    })
    // v4: theme decks and counts are stored with the plan data, so the multi-entry themes index (the costliest
    // to keep up when 100,000 points are written) goes.
    this.version(4).stores({
      points: 'id, deadline, [planId+order]',
    })
    // v5: every check-in, favorite and outbox row has an owner (the account, or 本机), so a shared phone never
    // shows, exports or pushes one account's rows for another. Favorites and colleagues' check-ins change their
    // keys, which IndexedDB cannot do in place: they move to new tables (Dexie drops the old ones after the upgrade).
    this.version(5).stores({
      checkins: 'id, pointId, [owner+pointId+createdAt]',
      outbox: 'id, state, createdAt, [owner+state]',
      favorites: null,
      favoritesByOwner: '[owner+pointId]',
      unitCheckins: null,
      colleagueCheckins: '[viewer+author+id], [viewer+pointId+createdAt]',
    }).upgrade(assignOwners)
    // v6: plans imported on this device (本机导入). The origin index finds them without reading every plan;
    // unpublishedPoints lists the points the server does not know yet, so their check-ins and favorites wait in
    // the outbox instead of being refused as unknown points; sharedFiles holds what the service worker received
    // from the share sheet until the import page takes it. Purely additive: no row of any table changes.
    this.version(6).stores({
      plans: 'id, level, year, origin',
      unpublishedPoints: 'pointId, planId',
      sharedFiles: '++id',
    })
    // v7: points index the ids they name as 上级要点 / 上年要点 (linksTo, about one entry per point), so 下级落实 and
    // 下年要点 are found without scanning 100,000 points. The upgrade fills linksTo on stored points; no other table,
    // the outbox least of all, is touched.
    this.version(7).stores({
      points: 'id, deadline, [planId+order], *linksTo',
    }).upgrade(addLinkTargets)
    // v8: word pinyin per plan, shipped with the plan data, so search needs no dictionary on the phone. Purely
    // additive: no row of any other table changes. Plans stored before it have none until their data is replaced
    // (a new build's data version always differs, so the build's copy is reloaded).
    this.version(8).stores({
      planPinyin: 'planId',
    })
    // v9: 佐证 photos (Blobs) of check-ins, uploaded after their check-in by content hash, and a budgeted cache of
    // colleagues' photos. Purely additive: no row of any other table, the outbox least of all, changes.
    this.version(9).stores({
      photos: 'id, checkinId, hash, [owner+state]',
      photoCache: '[viewer+hash], [viewer+usedAt]',
    })
    // v10: each theme's board counts, written with its deck. Purely additive; data stored before it has none until
    // its plans are next written, and the board counts from the plan rows meanwhile.
    this.version(10).stores({
      boardIndex: 'key',
    })
    // v11: each plan's units, written with the plan, so 我的单位 and the lists' filter counts read one row per plan,
    // not 100,000 point rows. Purely additive: no row of any other table, the outbox least of all, changes. Data
    // stored before it has none until its plans are next written; lists read the point rows meanwhile.
    this.version(11).stores({
      planFacts: 'planId',
    })
  }
}

/** The one database instance the app uses. */
export const db = new AppDB()
