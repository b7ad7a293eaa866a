/**
 * Where the display settings live and the body size they give. Pure and dependency-free: the settings store reads it,
 * and so does the boot script the build writes into index.html, which sizes the prerendered 首页 before first paint.
 */

export type FontSize = 'standard' | 'large' | 'xlarge'

/** localStorage keys (values as @vueuse/core's useLocalStorage writes them: 'true'/'false', and the size name). */
export const ELDER_MODE_KEY = 'ydt:elder-mode'
export const FONT_SIZE_KEY = 'ydt:font-size'

/**
 * Body text size in px per setting. 长辈模式 starts at 20px (MIIT 适老化 asks ≥ 18px; headings then reach 24px and
 * more through the type ramp in App.vue), and 大 / 特大 go further still.
 */
export const BASE_PX: Record<FontSize, number> = { standard: 16, large: 18, xlarge: 20 }
export const ELDER_PX: Record<FontSize, number> = { standard: 20, large: 22, xlarge: 24 }

export function bodyPxFor(elderMode: boolean, fontSize: string): number {
  const sizes = elderMode ? ELDER_PX : BASE_PX
  return sizes[fontSize as FontSize] ?? sizes.standard
}
