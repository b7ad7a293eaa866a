import type { ThemeRow } from './themes'
import type { Plan, Theme } from '~/domain/plan'
import { spliceStoredBoardIndex } from './board-index'
import { db } from './db'
import { spliceThemeDecks, themeDeckKey } from './deck-index'

/** How the theme tiles change with the plans: themes to add where points name them, or a new taxonomy. */
export type ThemeUpdate = { add: Theme[] } | { replace: Theme[] }

function themeRowsFor(update: ThemeUpdate, stored: ThemeRow[], counts: Map<string, number>): ThemeRow[] {
  const count = (id: string) => counts.get(themeDeckKey(id)) ?? 0
  if ('replace' in update) {
    const rows: ThemeRow[] = update.replace.map((t, order) => ({ ...t, order, count: count(t.id) }))
    // A theme the new taxonomy lacks keeps its tile while some stored plan (a local import) still uses it.
    const known = new Set(update.replace.map(t => t.id))
    for (const old of [...stored].sort((a, b) => a.order - b.order)) {
      if (!known.has(old.id) && count(old.id) > 0)
        rows.push({ ...old, order: rows.length, count: count(old.id) })
    }
    return rows
  }
  const known = new Set(stored.map(t => t.id))
  let order = stored.reduce((max, t) => Math.max(max, t.order), -1)
  const rows: ThemeRow[] = stored.map(t => ({ ...t, count: count(t.id) }))
  // A stored point may name a theme the stored taxonomy does not have (an older build's): give it a tile.
  for (const theme of update.add) {
    if (!known.has(theme.id) && counts.has(themeDeckKey(theme.id)))
      rows.push({ ...theme, order: ++order, count: count(theme.id) })
  }
  return rows
}

/**
 * Inside the caller's transaction, after the plan and point rows of `changedPlanIds` were written or deleted:
 * re-sorts the theme decks and the board index for just those plans (`added`: their new editions) and recounts
 * the theme tiles, without reading a point row.
 */
export async function updateDerivedTables(changedPlanIds: Set<string>, added: Plan[], themes: ThemeUpdate): Promise<void> {
  const [decks, plans, themeRows] = await Promise.all([db.deckIndex.toArray(), db.plans.toArray(), db.themes.toArray()])
  const next = spliceThemeDecks(decks, plans, changedPlanIds, added)
  const counts = new Map(next.map(d => [d.key, d.ids.length]))
  const rows = themeRowsFor(themes, themeRows, counts)
  await db.deckIndex.bulkPut(next)
  if ('replace' in themes)
    await db.themes.clear()
  await db.themes.bulkPut(rows)
  await spliceStoredBoardIndex(changedPlanIds, added, plans)
}
