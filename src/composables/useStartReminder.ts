import type { Ref, ShallowRef } from 'vue'
import type { ReminderBanner } from '~/reminders/app-start'
import { storeToRefs } from 'pinia'
import { onMounted, shallowRef, watch } from 'vue'
import { remindersOn } from '~/db/reminder-switch'
import { useSettingsStore } from '~/stores/settings'
import { useMyUnit } from './useMyUnit'

// Deadline reminders at start, on 首页 (first-load code: keep it small). It only asks whether reminders are on; the
// code that finds and shows a reminder (unit matching, the deadline index) loads only when they are.

const banner = shallowRef<ReminderBanner | null>(null)
let started = false

/** Keeps the service worker's copy of 长辈模式 and the picked unit current while reminders are on. */
export function watchReminderSnapshot(elderMode: Ref<boolean>, picked: Ref<string>): void {
  watch([elderMode, picked], async ([elder, pickedUnit]) => {
    if (await remindersOn())
      await (await import('~/reminders/app-start')).noteStartContext({ elder, pickedUnit: pickedUnit.trim() })
  })
}

/** 首页's banner: today's reminder, once per page session, when it was not (or could not be) a notification. */
export function useStartReminder(): { banner: ShallowRef<ReminderBanner | null>, dismiss: () => void } {
  const { elderMode } = storeToRefs(useSettingsStore())
  const { picked } = useMyUnit()
  watchReminderSnapshot(elderMode, picked)
  // Mounted only: the build's prerender of 首页 has no IndexedDB.
  onMounted(async () => {
    if (started)
      return
    started = true
    try {
      if (!await remindersOn())
        return
      const { remindOnStart } = await import('~/reminders/app-start')
      banner.value = await remindOnStart({ elder: elderMode.value, pickedUnit: picked.value.trim() })
      // Tells the browser tests the day's check is over, shown or not (not a performance mark: a test's fixed clock
      // replaces the Performance API).
      document.documentElement.dataset.reminderCheck = 'done'
    }
    catch (error) {
      // A reminder is a convenience: 首页 works on without it.
      console.warn('[reminders] not checked:', error)
    }
  })
  const dismiss = () => {
    banner.value = null
  }
  return { banner, dismiss }
}
