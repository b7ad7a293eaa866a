import { useLocalStorage } from '@vueuse/core'
import { defineStore } from 'pinia'

/** How many searches a device keeps. */
export const SEARCH_HISTORY_SIZE = 10

/** The list with `q` in front (once), at most `max` long. */
export function withQuery(list: readonly string[], q: string, max = SEARCH_HISTORY_SIZE): string[] {
  const text = q.trim()
  if (!text)
    return [...list]
  return [text, ...list.filter(item => item !== text)].slice(0, max)
}

/** The last searches on this device (UI state, kept in localStorage; never synced). */
export const useSearchHistoryStore = defineStore('search-history', () => {
  const items = useLocalStorage<string[]>('ydt:search-history', [])

  function remember(q: string) {
    items.value = withQuery(Array.isArray(items.value) ? items.value : [], q)
  }
  function forget(q: string) {
    items.value = items.value.filter(item => item !== q)
  }
  function clear() {
    items.value = []
  }

  return { items, remember, forget, clear }
})
