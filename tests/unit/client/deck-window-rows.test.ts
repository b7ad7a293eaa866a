import type { EffectScope } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, ref } from 'vue'
import { prefetchDeck } from '~/composables/deck-prefetch'
import { useDeckIds, useDeckWindow } from '~/composables/usePoints'
import { db } from '~/db/db'
import { replacePlanData } from '~/db/plan-data-loader'
import { resetDb, samplePlanData } from '../db/fixtures'

let scope: EffectScope
beforeEach(async () => {
  await resetDb()
  await replacePlanData(samplePlanData('v1'))
  scope = effectScope()
})
afterEach(() => scope.stop())

const ids = ['hunan-2023-zwfw-1', 'hunan-2023-zwfw-2', 'hunan-2023-zwfw-3', 'hunan-2023-zwfw-4']

describe('useDeckWindow', () => {
  it('keeps the rows already drawn across a move, reads the new neighbour after it, and follows real changes', async () => {
    const window = ref(ids.slice(0, 3))
    const rows = scope.run(() => useDeckWindow(window))!
    await vi.waitFor(() => expect([...rows.value.keys()]).toEqual(ids.slice(0, 3)))
    const second = rows.value.get(ids[1]!)
    const third = rows.value.get(ids[2]!)

    window.value = ids.slice(1, 4)
    // The move itself reads nothing: the card moved to is drawn from the row already here.
    await Promise.resolve()
    expect(rows.value.get(ids[1]!)).toBe(second)
    await vi.waitFor(() => expect([...rows.value.keys()]).toEqual(ids.slice(1, 4)))
    // Rows read again but unchanged keep their objects, so their cards are not drawn again.
    expect(rows.value.get(ids[1]!)).toBe(second)
    expect(rows.value.get(ids[2]!)).toBe(third)

    await db.points.update(ids[2]!, { title: '改了标题' })
    await vi.waitFor(() => expect(rows.value.get(ids[2]!)?.title).toBe('改了标题'))
    expect(rows.value.get(ids[1]!)).toBe(second)
  })

  it('reads a window it has no row of at once (a jump, a new deck)', async () => {
    const window = ref([ids[0]!])
    const rows = scope.run(() => useDeckWindow(window))!
    await vi.waitFor(() => expect(rows.value.has(ids[0]!)).toBe(true))
    window.value = [ids[3]!]
    await vi.waitFor(() => expect([...rows.value.keys()]).toEqual([ids[3]]))
  })
})

describe('prefetchDeck', () => {
  it('answers the deck page\'s ids query before it starts and hands the first cards\' rows to its window', async () => {
    setActivePinia(createPinia())
    prefetchDeck({ kind: 'theme', id: 'zwgk' })
    // The page loads meanwhile; its window then starts with the first cards' rows in hand, before any read.
    await new Promise(resolve => setTimeout(resolve, 200))
    const { deck, rows } = scope.run(() => {
      const deck = useDeckIds({ kind: 'theme', id: 'zwgk' })
      return { deck, rows: useDeckWindow(() => (deck.value ?? []).slice(0, 2)) }
    })!
    expect(deck.value?.length).toBeGreaterThan(1)
    expect([...rows.value.keys()]).toEqual(deck.value!.slice(0, 2))
  })
})
