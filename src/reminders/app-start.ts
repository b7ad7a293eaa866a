import type { DueReminder } from './notify'
import { claimReminderDay, getReminderSettings, updateReminderSettings } from '~/db/reminder-meta'
import { findReminder } from '~/db/reminders'
import { reminderPath } from '~/domain/reminders'
import { showReminderNotification } from './notify'
import { notificationState, schedulePeriodicReminder } from './permission'

// 我的's reminder switch takes the permission steps from here, so they load with the start check as one chunk
// (useReminderSettings.ts): apart, the two were a file each in the first visit's precache.
export { askNotificationPermission, notificationState, schedulePeriodicReminder } from './permission'

// The page's half of the reminders, loaded by 首页 only while they are on: at start, today's reminder (if the
// service worker has not shown it) as a notification, or as a banner when notifications are not allowed or in
// 长辈模式 (no pop-ups there).

/** What the banner on 首页 shows. */
export interface ReminderBanner {
  count: number
  overdue: number
  path: string
}

export interface StartContext {
  elder: boolean
  /** The unit picked on this device (localStorage, out of the service worker's reach). */
  pickedUnit: string
}

async function notify(reminder: DueReminder): Promise<boolean> {
  if (notificationState() !== 'granted')
    return false
  try {
    const registration = await navigator.serviceWorker.getRegistration()
    if (!registration)
      return false
    await showReminderNotification(registration, reminder)
    return true
  }
  catch {
    return false
  }
}

/** The service worker decides on its own later: it needs the page's view of 长辈模式 and of the picked unit. */
export async function noteStartContext(context: StartContext): Promise<void> {
  const settings = await getReminderSettings()
  if (settings.elder !== context.elder || settings.pickedUnit !== context.pickedUnit)
    await updateReminderSettings({ elder: context.elder, pickedUnit: context.pickedUnit })
}

export async function remindOnStart(context: StartContext, now: Date = new Date()): Promise<ReminderBanner | null> {
  if (!(await getReminderSettings()).on)
    return null
  await noteStartContext(context)
  void schedulePeriodicReminder(!context.elder && notificationState() === 'granted')
  const reminder = await findReminder(now)
  if (reminder.kind !== 'remind' || !await claimReminderDay(reminder.day))
    return null
  if (!context.elder && await notify(reminder))
    return null
  return { count: reminder.items.length, overdue: reminder.overdue, path: reminderPath(reminder.items) }
}
