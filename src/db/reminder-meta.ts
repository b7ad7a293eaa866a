import type { ReminderSettings } from '~/domain/reminder-settings'
import { parseReminderSettings } from '~/domain/reminder-settings'
import { db } from './db'
import { META_KEYS } from './meta'

// Reminder settings and the once-a-day mark, in `meta`: small, read by 首页 on every start (so no heavy import
// here) and by the service worker.

export async function getReminderSettings(): Promise<ReminderSettings> {
  return parseReminderSettings((await db.meta.get(META_KEYS.reminderSettings))?.value)
}

/** Changes some settings; returns them all as stored. */
export async function updateReminderSettings(change: Partial<ReminderSettings>): Promise<ReminderSettings> {
  return db.transaction('rw', db.meta, async () => {
    const next = { ...await getReminderSettings(), ...change }
    await db.meta.put({ key: META_KEYS.reminderSettings, value: next })
    return next
  })
}

export async function getLastReminderDay(): Promise<string | undefined> {
  const value = (await db.meta.get(META_KEYS.lastReminderDay))?.value
  return typeof value === 'string' ? value : undefined
}

/**
 * Takes `day` for a reminder: true when nobody has yet (then the caller shows it), false when the service worker or
 * another tab already did. One transaction, so two paths racing at the same moment show it once.
 */
export async function claimReminderDay(day: string): Promise<boolean> {
  return db.transaction('rw', db.meta, async () => {
    if (await getLastReminderDay() === day)
      return false
    await db.meta.put({ key: META_KEYS.lastReminderDay, value: day })
    return true
  })
}
