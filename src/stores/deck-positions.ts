import { useLocalStorage } from '@vueuse/core'
import { defineStore } from 'pinia'

interface DeckPosition {
  pointId: string
  index: number
}

/** Decks remembered at most; the oldest are dropped so localStorage stays small. */
const MAX_DECKS = 200

/** Where the user was in each deck, keyed by deckSourceKey (UI state only). */
export const useDeckPositionsStore = defineStore('deck-positions', () => {
  const positions = useLocalStorage<Record<string, DeckPosition>>('ydt:deck-positions', {})

  function get(key: string): DeckPosition | undefined {
    return positions.value[key]
  }

  function set(key: string, position: DeckPosition) {
    const next = { ...positions.value }
    delete next[key]
    next[key] = position
    const keys = Object.keys(next)
    for (const old of keys.slice(0, Math.max(0, keys.length - MAX_DECKS)))
      delete next[old]
    positions.value = next
  }

  return { get, set }
})
