import { defineStore } from 'pinia'
import { computed, ref } from 'vue'

/** Session UI state shared across components: which point's 打卡 form is open. */
export const useUiStore = defineStore('ui', () => {
  const checkinPointId = ref<string | null>(null)
  /** True while the user is editing a check-in: the update banner waits until they are done. */
  const editing = computed(() => checkinPointId.value !== null)

  function openCheckin(pointId: string) {
    checkinPointId.value = pointId
  }
  function closeCheckin() {
    checkinPointId.value = null
  }

  return { checkinPointId, editing, openCheckin, closeCheckin }
})
