import type { FontSize } from './display-size'
import { useLocalStorage } from '@vueuse/core'
import { defineStore } from 'pinia'
import { computed } from 'vue'
import { bodyPxFor, ELDER_MODE_KEY, FONT_SIZE_KEY } from './display-size'

export type { FontSize } from './display-size'

export const FONT_SIZE_LABELS: Record<FontSize, string> = {
  standard: '标准',
  large: '大',
  xlarge: '特大',
}

/** Display preferences of this device (UI state only; kept in localStorage). */
export const useSettingsStore = defineStore('settings', () => {
  const elderMode = useLocalStorage(ELDER_MODE_KEY, false)
  const fontSize = useLocalStorage<FontSize>(FONT_SIZE_KEY, 'standard')

  const bodyPx = computed(() => bodyPxFor(elderMode.value, fontSize.value))

  function toggleElderMode() {
    elderMode.value = !elderMode.value
  }

  return { elderMode, fontSize, bodyPx, toggleElderMode }
})
