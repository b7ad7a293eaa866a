import type { CheckinStatus } from '~/domain/progress'
import type { ReminderDecision } from '~/domain/reminders'
import Dexie from 'dexie'
import { currentPlanIds } from '~/domain/plan-currency'
import { decideReminder, shanghaiDay, shanghaiDayPlus } from '~/domain/reminders'
import { unitMatcher } from '~/domain/unit-match'
import { getSession } from '~/sync/session'
import { db } from './db'
import { currentOwner } from './owner'
import { getLastReminderDay, getReminderSettings } from './reminder-meta'

/**
 * Today's reminder from what is stored, for the page and the service worker alike (so no page-only state: the unit
 * picked on this device comes from the settings' snapshot). Points are read from the deadline index up to N days
 * ahead, overdue ones included (they are counted); it runs at most until a reminder is shown each day.
 */
export async function findReminder(now: Date = new Date()): Promise<ReminderDecision> {
  const settings = await getReminderSettings()
  if (!settings.on)
    return { kind: 'off' }
  const lastShownDay = await getLastReminderDay()
  if (lastShownDay === shanghaiDay(now))
    return { kind: 'shown-today' }
  const [owner, session] = await Promise.all([currentOwner(), getSession()])
  const [points, favorites, checkins, plans] = await Promise.all([
    db.points.where('deadline').belowOrEqual(shanghaiDayPlus(now, settings.leadDays)).toArray(),
    db.favoritesByOwner.where('[owner+pointId]').between([owner, Dexie.minKey], [owner, Dexie.maxKey]).toArray(),
    db.checkins.where('[owner+pointId+createdAt]').between([owner, Dexie.minKey], [owner, Dexie.maxKey]).toArray(),
    db.plans.toArray(),
  ])
  // Index order (owner, pointId, createdAt): a later row of a point is newer.
  const latest = new Map<string, CheckinStatus>(checkins.map(c => [c.pointId, c.status]))
  const unitName = session?.user.unit.trim() || settings.pickedUnit.trim()
  const unit = settings.unit && unitName ? unitMatcher(unitName) : null
  return decideReminder({
    now,
    settings,
    lastShownDay,
    points,
    favorites: new Set(favorites.filter(f => f.on).map(f => f.pointId)),
    unit,
    latest,
    currentPlans: currentPlanIds(plans, now),
  })
}
