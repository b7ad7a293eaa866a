/// <reference lib="webworker" />
import { claimReminderDay, getReminderSettings } from '~/db/reminder-meta'
import { findReminder } from '~/db/reminders'
import { REMINDER_NOTIFICATION_TAG, showReminderNotification } from './notify'

// The service worker's half of the reminders: on a periodic sync it shows today's notification, unless notifications
// are not allowed or 长辈模式 is on (then the banner on 首页 shows it at the next start).

export async function remindFromWorker(sw: ServiceWorkerGlobalScope): Promise<void> {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted')
    return
  if ((await getReminderSettings()).elder)
    return
  const reminder = await findReminder()
  if (reminder.kind === 'remind' && await claimReminderDay(reminder.day))
    await showReminderNotification(sw.registration, reminder)
}

/** A tap on the notification: the app, at the list of the reminded points (an open window is reused). */
export async function openReminder(sw: ServiceWorkerGlobalScope, notification: Notification): Promise<void> {
  notification.close()
  const path = (notification.data as { path?: unknown } | null)?.path
  const scope = sw.registration.scope
  const target = new URL(typeof path === 'string' ? path.replace(/^\//, '') : '', scope)
  // Only somewhere inside the app: anything else (a stale or malformed path) opens the app's start.
  const url = target.href.startsWith(scope) ? target.href : scope
  const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true })
  for (const client of windows) {
    try {
      await client.focus()
      await client.navigate(url)
      return
    }
    catch {
      // Not controlled by this worker (navigate refuses): open a new window instead.
    }
  }
  await sw.clients.openWindow(url)
}

export function isReminderNotification(notification: Notification): boolean {
  return notification.tag === REMINDER_NOTIFICATION_TAG
}
