import { useLocalStorage } from '@vueuse/core'
import { defineStore } from 'pinia'
import { computed } from 'vue'

export type FontSize = 'standard' | 'large' | 'xlarge'

export const FONT_SIZE_LABELS: Record<FontSize, string> = {
  standard: '标准',
  large: '大',
  xlarge: '特大',
}

/** Body text size in px per setting; 长辈模式 never goes below 18px (MIIT 适老化). */
const BASE_PX: Record<FontSize, number> = { standard: 16, large: 18, xlarge: 20 }
const ELDER_MIN_PX = 18

/** Display preferences of this device (UI state only; kept in localStorage). */
export const useSettingsStore = defineStore('settings', () => {
  const elderMode = useLocalStorage('ydt:elder-mode', false)
  const fontSize = useLocalStorage<FontSize>('ydt:font-size', 'standard')

  const bodyPx = computed(() => {
    const px = BASE_PX[fontSize.value] ?? BASE_PX.standard
    return elderMode.value ? Math.max(px + 2, ELDER_MIN_PX) : px
  })

  function toggleElderMode() {
    elderMode.value = !elderMode.value
  }

  return { elderMode, fontSize, bodyPx, toggleElderMode }
})
