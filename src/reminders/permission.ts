import { REMINDER_SYNC_INTERVAL_MS, REMINDER_SYNC_TAG } from './notify'

// What this browser allows for reminders, feature-detected: the Notification API and Periodic Background Sync
// (Chromium, installed app only). Whatever is missing, the banner on 首页 still reminds at the next start.

export type NotificationState = 'granted' | 'denied' | 'default' | 'unsupported'

export function notificationState(): NotificationState {
  if (typeof Notification === 'undefined' || !('serviceWorker' in navigator))
    return 'unsupported'
  return Notification.permission
}

/** Asks for permission (the browser asks only once; later it answers with the user's earlier choice). */
export async function askNotificationPermission(): Promise<NotificationState> {
  if (notificationState() === 'unsupported')
    return 'unsupported'
  try {
    return await Notification.requestPermission()
  }
  catch {
    return notificationState()
  }
}

interface PeriodicSyncManager {
  register: (tag: string, options?: { minInterval: number }) => Promise<void>
  unregister: (tag: string) => Promise<void>
}

async function periodicSync(): Promise<PeriodicSyncManager | undefined> {
  if (!('serviceWorker' in navigator))
    return undefined
  const registration = await navigator.serviceWorker.getRegistration()
  return (registration as (ServiceWorkerRegistration & { periodicSync?: PeriodicSyncManager }) | undefined)?.periodicSync
}

/** Asks for (or cancels) the periodic wake-up; true when the browser took it. */
export async function schedulePeriodicReminder(on: boolean): Promise<boolean> {
  try {
    const sync = await periodicSync()
    if (!sync)
      return false
    if (on)
      await sync.register(REMINDER_SYNC_TAG, { minInterval: REMINDER_SYNC_INTERVAL_MS })
    else
      await sync.unregister(REMINDER_SYNC_TAG)
    return true
  }
  catch {
    // Refused: the app is not installed, or the user turned background sync off for the site.
    return false
  }
}
