import type { EntityTable } from 'dexie'
import type { CheckinRow } from './checkins'
import type { DeckIndexRow } from './deck-index'
import type { FavoriteRow } from './favorites'
import type { MetaRow } from './meta'
import type { OutboxRow } from './outbox'
import type { PlanRow } from './plans'
import type { PointRow } from './points'
import type { ThemeRow } from './themes'
import type { UnitCheckinRow } from './unit-checkins'
import Dexie from 'dexie'

export const DB_NAME = 'yaodiantong'

/**
 * The app's IndexedDB. Schema changes add a new `this.version(n)` with an upgrade
 * function; an upgrade must never drop pending outbox rows.
 */
export class AppDB extends Dexie {
  declare plans: EntityTable<PlanRow, 'id'>
  declare points: EntityTable<PointRow, 'id'>
  declare themes: EntityTable<ThemeRow, 'id'>
  declare favorites: EntityTable<FavoriteRow, 'pointId'>
  declare checkins: EntityTable<CheckinRow, 'id'>
  declare outbox: EntityTable<OutboxRow, 'id'>
  declare meta: EntityTable<MetaRow, 'key'>
  declare unitCheckins: EntityTable<UnitCheckinRow, 'id'>
  declare deckIndex: EntityTable<DeckIndexRow, 'key'>

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
  }
}

/** The one database instance the app uses. */
export const db = new AppDB()
