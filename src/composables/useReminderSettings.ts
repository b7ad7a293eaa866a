import type { Ref } from 'vue'
import type { NotificationState } from '~/reminders/permission'
import { storeToRefs } from 'pinia'
import { ref } from 'vue'
import { getReminderSettings, updateReminderSettings } from '~/db/reminder-meta'
import { useSettingsStore } from '~/stores/settings'
import { useLiveQuery } from './useLiveQuery'
import { useMyUnit } from './useMyUnit'
import { watchReminderSnapshot } from './useStartReminder'

/** 我的's settings: the stored row, and turning reminders on with the notification permission asked for. */
export function useReminderSettings() {
  const { elderMode } = storeToRefs(useSettingsStore())
  const { unit, picked } = useMyUnit()
  watchReminderSnapshot(elderMode, picked)
  const settings = useLiveQuery(getReminderSettings)
  const permission: Ref<NotificationState | undefined> = ref()
  /** Whether the browser took the periodic wake-up (false: reminders come at the next start only). */
  const background = ref(false)

  async function refresh(on: boolean) {
    const { notificationState, schedulePeriodicReminder } = await import('~/reminders/app-start')
    permission.value = notificationState()
    background.value = await schedulePeriodicReminder(on && !elderMode.value && permission.value === 'granted')
  }
  void getReminderSettings().then(s => refresh(s.on))

  async function setOn(on: boolean) {
    await updateReminderSettings({ on, elder: elderMode.value, pickedUnit: picked.value.trim() })
    // 长辈模式 shows banners only, so it never asks for the pop-up permission.
    if (on && !elderMode.value) {
      const { askNotificationPermission } = await import('~/reminders/app-start')
      await askNotificationPermission()
    }
    await refresh(on)
  }

  return { settings, permission, background, elderMode, unit, setOn, update: updateReminderSettings }
}
