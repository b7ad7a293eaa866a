import type { CheckinRow } from './checkins'
import type { FavoriteRow } from './favorites'
import type { PlanRow } from './plans'
import type { PointRow } from './points'
import type { ThemeRow } from './themes'
import type { DeadlineStatus } from '~/domain/deadline'
import type { DeckSource } from '~/domain/deck'
import type { DueOrder } from '~/domain/due-order'
import Dexie from 'dexie'
import { addDaysIso, deadlineStatus, DUE_SOON_DAYS } from '~/domain/deadline'
import { orderDueIds, readingRanks } from '~/domain/due-order'
import { currentPlanIds } from '~/domain/plan-currency'
import { db } from './db'
import { planDeckIds, themeDeckKey } from './deck-index'
import { getListDeckIds } from './list-rows'
import { currentOwner } from './owner'
import { comparePlans } from './plans'
import { comparePointsByDeadline, comparePointsByPlan } from './points'

// Read queries. Every await here is a Dexie promise, so each works inside liveQuery. Check-ins, favorites and the
// outbox are read for the current owner only (owner.ts): a shared phone shows each account its own rows.

/** All plans, province first, newest year first. */
export async function listPlans(): Promise<PlanRow[]> {
  return (await db.plans.toArray()).sort(comparePlans)
}

/** One plan by id. */
export async function getPlan(id: string): Promise<PlanRow | undefined> {
  return db.plans.get(id)
}

/** Plans imported on this device and not yet published (本机导入), in plan order. */
export async function listLocalPlans(): Promise<PlanRow[]> {
  return (await db.plans.where('origin').equals('local').toArray()).sort(comparePlans)
}

/** Themes in taxonomy order with how many points each gathers (counted on the index). */
export async function listThemesWithCounts(): Promise<{ theme: ThemeRow, count: number }[]> {
  const themes = (await db.themes.toArray()).sort((a, b) => a.order - b.order)
  // Counts are stored with the plan data; counting 100,000 points on every start would cost seconds.
  const counts = await Promise.all(themes.map(t => t.count ?? db.points.filter(p => p.themes.includes(t.id)).count()))
  return themes.map((theme, i) => ({ theme, count: counts[i] ?? 0 }))
}

/** One point by id. */
export async function getPoint(id: string): Promise<PointRow | undefined> {
  return db.points.get(id)
}

/** Points by id in the given order; ids not (or no longer) stored are skipped. */
export async function getPointsByIds(ids: string[]): Promise<PointRow[]> {
  return (await db.points.bulkGet(ids)).filter((p): p is PointRow => p !== undefined)
}

/** A plan's points in reading order, optionally one section only. */
export async function getPlanPoints(planId: string, sectionNo?: number): Promise<PointRow[]> {
  const rows = await db.points.where('[planId+order]').between([planId, Dexie.minKey], [planId, Dexie.maxKey]).toArray()
  return sectionNo === undefined ? rows : rows.filter(p => p.sectionNo === sectionNo)
}

/** A theme deck's ids in reading order: one stored row; computed from the points when data predates deck indexes. */
export async function getThemeDeckIds(themeId: string): Promise<string[]> {
  const stored = await db.deckIndex.get(themeDeckKey(themeId))
  if (stored)
    return stored.ids
  return (await getThemePoints(themeId)).map(p => p.id)
}

/** The ids a deck shows, in order; search decks are answered by the search index instead. */
export async function getDeckIds(source: DeckSource): Promise<string[]> {
  switch (source.kind) {
    case 'theme':
      return getThemeDeckIds(source.id)
    case 'plan': {
      const plan = await db.plans.get(source.id)
      return plan ? planDeckIds(plan, source.sectionNo) : []
    }
    case 'favorites':
      return (await getFavoritePoints(source.sort ?? 'deadline')).map(p => p.id)
    case 'ids':
      return source.ids
    case 'due':
      return getDueSoonIds()
    case 'search':
      return []
    case 'unit':
    case 'filtered':
      return getListDeckIds(source, getDeckIds, getLatestCheckins)
  }
}

/** The points of a theme across plans, in reading order: a full scan, kept for data stored before deck indexes. */
export async function getThemePoints(themeId: string): Promise<PointRow[]> {
  return (await db.points.filter(p => p.themes.includes(themeId)).toArray()).sort(comparePointsByPlan)
}

/** The current owner's favorite rows (tombstones included). */
async function ownFavorites(): Promise<FavoriteRow[]> {
  const owner = await currentOwner()
  return db.favoritesByOwner.where('[owner+pointId]').between([owner, Dexie.minKey], [owner, Dexie.maxKey]).toArray()
}

/** Ids of the points the current owner has favorited. */
export async function getFavoriteIds(): Promise<Set<string>> {
  return new Set((await ownFavorites()).filter(f => f.on).map(f => f.pointId))
}

export type FavoriteSort = 'deadline' | 'added'

/** Favorited points, by earliest deadline (none last) or most recently added first. */
export async function getFavoritePoints(sort: FavoriteSort = 'deadline'): Promise<PointRow[]> {
  const favorites = (await ownFavorites()).filter(f => f.on)
  favorites.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
  const points = await getPointsByIds(favorites.map(f => f.pointId))
  return sort === 'deadline' ? points.sort(comparePointsByDeadline) : points
}

/** A point's check-ins by the current owner, newest first. */
export async function getCheckinHistory(pointId: string): Promise<CheckinRow[]> {
  const owner = await currentOwner()
  return db.checkins.where('[owner+pointId+createdAt]').between([owner, pointId, Dexie.minKey], [owner, pointId, Dexie.maxKey]).reverse().toArray()
}

/** The current owner's newest check-in of every point that has one. */
export async function getLatestCheckins(): Promise<Map<string, CheckinRow>> {
  const owner = await currentOwner()
  const latest = new Map<string, CheckinRow>()
  // Index order is (owner, pointId, createdAt, id): the last row seen per point is its newest.
  await db.checkins
    .where('[owner+pointId+createdAt]')
    .between([owner, Dexie.minKey], [owner, Dexie.maxKey])
    .each(c => latest.set(c.pointId, c))
  return latest
}

export interface DueSoonItem {
  point: PointRow
  status: DeadlineStatus
}

/** What 临近截止 counts: `total` open points of current plans with a deadline, `overdue` of them past it. */
export interface DueSoonSummary {
  items: DueSoonItem[]
  total: number
  overdue: number
}

/** 临近截止 without a horizon: every open point of a current plan that has a deadline. */
export const NO_HORIZON = Number.POSITIVE_INFINITY

/** Ids of points whose latest check-in says 已完成: they no longer count as due. */
async function doneIds(): Promise<Set<string>> {
  const done = new Set<string>()
  for (const [id, c] of await getLatestCheckins()) {
    if (c.status === 'done')
      done.add(id)
  }
  return done
}

/**
 * The due ids in order with the overdue count, from index keys alone: one key per distinct deadline date (a few per
 * plan year), then each date's primary keys; only plan rows are read, to tell current plans from 往年 ones
 * (plan-currency.ts) and to rank points of the same date in reading order.
 */
async function dueOrder(days: number, today: Date): Promise<DueOrder> {
  const range = Number.isFinite(days) ? db.points.where('deadline').belowOrEqual(addDaysIso(today, days)) : db.points.orderBy('deadline')
  const [done, plans, dates] = await Promise.all([doneIds(), db.plans.toArray(), range.uniqueKeys()])
  const groups = await Promise.all(dates.map(async d => ({
    deadline: String(d),
    ids: (await db.points.where('deadline').equals(d).primaryKeys()) as string[],
  })))
  return orderDueIds(groups, readingRanks(plans, currentPlanIds(plans, today)), done, addDaysIso(today, 0))
}

/**
 * 临近截止: the open points (not 已完成) of current plans, overdue first then soonest, optionally within `days`; 往年
 * plans stay out (a newer plan of their series replaced them). Only the `limit` shown are read.
 */
export async function getDueSoon(days: number = NO_HORIZON, today: Date = new Date(), limit?: number): Promise<DueSoonItem[]> {
  return (await getDueSoonSummary(days, today, limit)).items
}

/** The first `limit` due-soon items and the counts, from one pass over the deadline index. */
export async function getDueSoonSummary(days: number = NO_HORIZON, today: Date = new Date(), limit?: number): Promise<DueSoonSummary> {
  // Not where().filter().limit(): Dexie's live queries did not re-run such a query after the points were replaced.
  const { ids, overdue } = await dueOrder(days, today)
  // bulkGet keeps the order of the ids: the list shows what the deck shows, in the same order.
  const rows = await getPointsByIds(limit === undefined ? ids : ids.slice(0, limit))
  const items = rows.map(point => ({ point, status: deadlineStatus(point.deadline, today, DUE_SOON_DAYS) }))
  return { items, total: ids.length, overdue }
}

/** Ids of the due-soon points in the order of getDueSoon (the 临近截止 deck), from the index alone. */
export async function getDueSoonIds(days: number = NO_HORIZON, today: Date = new Date()): Promise<string[]> {
  return (await dueOrder(days, today)).ids
}

/** How many points are due soon or overdue (not done, current plans), counted on the index. */
export async function countDueSoon(days: number = NO_HORIZON, today: Date = new Date()): Promise<number> {
  return (await getDueSoonIds(days, today)).length
}

/** How many of the current owner's local changes wait to be synced. */
export async function countUnsynced(): Promise<number> {
  return db.outbox.where('[owner+state]').equals([await currentOwner(), 'pending']).count()
}

/** Ids of the current plans on `today` (the newest of their series or of the present year); the rest are 往年. */
export async function getCurrentPlanIds(today: Date = new Date()): Promise<Set<string>> {
  return currentPlanIds(await db.plans.toArray(), today)
}
