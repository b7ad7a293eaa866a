import type { PlanRow } from './plans'
import type { Plan } from '~/domain/plan'
import { comparePlans } from './plans'

/**
 * A deck's point ids in reading order, stored once per theme when plan data is loaded, so a deck of
 * 100,000 points opens by reading one row of ids instead of every point.
 */
export interface DeckIndexRow {
  /** "theme:<id>" */
  key: string
  ids: string[]
}

export function themeDeckKey(themeId: string): string {
  return `theme:${themeId}`
}

/** Theme decks in reading order (province first, newest year first, plan, position), computed from the plan data. */
export function buildThemeDecks(plans: Plan[]): DeckIndexRow[] {
  const byTheme = new Map<string, string[]>()
  for (const plan of [...plans].sort(comparePlans)) {
    for (const section of plan.sections) {
      for (const point of section.points) {
        for (const theme of point.themes) {
          const ids = byTheme.get(theme)
          if (ids)
            ids.push(point.id)
          else
            byTheme.set(theme, [point.id])
        }
      }
    }
  }
  return [...byTheme].map(([theme, ids]) => ({ key: themeDeckKey(theme), ids }))
}

/** A plan's (or one section's) point ids in reading order, from the plan row. */
export function planDeckIds(plan: PlanRow, sectionNo?: number): string[] {
  return plan.sections.filter(s => sectionNo === undefined || s.no === sectionNo).flatMap(s => s.pointIds)
}
