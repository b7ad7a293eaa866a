import { storeToRefs } from 'pinia'
import { showToast } from 'vant'
import { ref } from 'vue'
import { setFavorite } from '~/db/actions'
import { useSettingsStore } from '~/stores/settings'
import 'vant/es/toast/style'

/**
 * Favoriting with a brief confirmation: a Vant toast in normal mode; in 长辈模式, which has no pop-ups, `note` holds
 * the same words for the caller to show inline.
 */
export function useFavoriteToggle(pointId: () => string, favorite: () => boolean) {
  const { elderMode } = storeToRefs(useSettingsStore())
  const note = ref('')
  async function toggle() {
    const on = !favorite()
    await setFavorite(pointId(), on)
    const words = on ? '已收藏，可在“收藏”中查看' : '已取消收藏'
    if (elderMode.value) {
      note.value = words
    }
    else {
      note.value = ''
      showToast({ message: words, duration: 1500, className: 'favorite-toast' })
    }
  }
  return { note, toggle }
}
