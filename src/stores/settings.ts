import { useLocalStorage } from '@vueuse/core'
import { defineStore } from 'pinia'
import { computed } from 'vue'

export type FontSize = 'standard' | 'large' | 'xlarge'

export const FONT_SIZE_LABELS: Record<FontSize, string> = {
  standard: '标准',
  large: '大',
  xlarge: '特大',
}

/**
 * Body text size in px per setting. 长辈模式 starts at 20px (MIIT 适老化 asks ≥ 18px; headings then reach 24px and
 * more through the type ramp in App.vue), and 大 / 特大 go further still.
 */
const BASE_PX: Record<FontSize, number> = { standard: 16, large: 18, xlarge: 20 }
const ELDER_PX: Record<FontSize, number> = { standard: 20, large: 22, xlarge: 24 }

/** Display preferences of this device (UI state only; kept in localStorage). */
export const useSettingsStore = defineStore('settings', () => {
  const elderMode = useLocalStorage('ydt:elder-mode', false)
  const fontSize = useLocalStorage<FontSize>('ydt:font-size', 'standard')

  const bodyPx = computed(() => {
    const sizes = elderMode.value ? ELDER_PX : BASE_PX
    return sizes[fontSize.value] ?? sizes.standard
  })

  function toggleElderMode() {
    elderMode.value = !elderMode.value
  }

  return { elderMode, fontSize, bodyPx, toggleElderMode }
})
