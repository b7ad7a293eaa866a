import type { LocationQuery } from 'vue-router'
import type { PointRow } from '~/db/points'
import { watch } from 'vue'
import { startIndex, visibleIndexes } from '~/components/deck/deck-window'
import { listDeckSource, listSourceFromQuery } from '~/components/list/list-route'
import { getPointsByIds } from '~/db/queries'
import { deckSourceKey } from '~/domain/deck'
import { useDeckPositionsStore } from '~/stores/deck-positions'
import { holdDeckIds } from './deck-ids-cache'
import { seedDeckRows } from './usePoints'

/** How long the ids query started here waits for the deck page to take it over. */
const HOLD_MS = 10_000

/**
 * Reads a deck's ids and the cards it opens on while the deck page's code is still loading (the router starts this
 * on the way to /deck): the page then finds its ids query answered and its first card's row in hand, instead of
 * starting two reads one after the other once it has loaded. Decks built like lists (filters, 我的单位) and
 * search decks are left to the page.
 */
export function prefetchDeck(query: LocationQuery): void {
  const list = listSourceFromQuery(query)
  if (!list)
    return
  const source = listDeckSource(list)
  if (source.kind === 'filtered' || source.kind === 'unit' || source.kind === 'search')
    return
  const remembered = useDeckPositionsStore().get(deckSourceKey(source))
  const at = typeof query.at === 'string' ? query.at : undefined
  const readWindow = async (ids: string[]) => {
    const window = visibleIndexes(startIndex(ids, at, remembered), ids.length).map(i => ids[i]!)
    const rows: PointRow[] = await getPointsByIds(window)
    seedDeckRows(rows)
  }
  const ids = holdDeckIds(source, HOLD_MS)
  if (ids.value) {
    void readWindow(ids.value)
    return
  }
  const stop = watch(ids, (answer) => {
    if (!answer)
      return
    stop()
    void readWindow(answer)
  })
}
