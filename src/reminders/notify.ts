import type { ReminderDecision } from '~/domain/reminders'
import { reminderPath, reminderText } from '~/domain/reminders'

// Shared by the page and the service worker: one notification per day, under one tag (a new one replaces an old
// one left in the tray), carrying the in-app path its click opens.

/** Periodic Background Sync's tag (src/sw.ts listens for it). */
export const REMINDER_SYNC_TAG = 'ydt-reminders'
export const REMINDER_NOTIFICATION_TAG = 'ydt-reminder'
/** Chromium runs a periodic sync at most about this often, and only for an installed app it sees in use. */
export const REMINDER_SYNC_INTERVAL_MS = 12 * 3_600_000

export type DueReminder = Extract<ReminderDecision, { kind: 'remind' }>

export async function showReminderNotification(registration: ServiceWorkerRegistration, reminder: DueReminder): Promise<void> {
  const { title, body } = reminderText(reminder.items, reminder.overdue)
  await registration.showNotification(title, {
    body,
    tag: REMINDER_NOTIFICATION_TAG,
    lang: 'zh-CN',
    icon: new URL('icons/icon-192.png', registration.scope).href,
    data: { path: reminderPath(reminder.items) },
  })
}
