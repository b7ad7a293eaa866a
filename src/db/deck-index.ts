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

const THEME_PREFIX = themeDeckKey('')

/**
 * Theme decks after some plans changed, without reading a single point row: the points of `changedPlanIds` leave
 * every deck, the points of `added` (their new editions, or new plans) come in, and each deck keeps the order
 * buildThemeDecks gives (plans sorted, points in reading order). `plans` are all stored plans after the change;
 * their point ids tell which plan each deck entry belongs to. Decks of other kinds are left out of the answer.
 */
export function spliceThemeDecks(decks: DeckIndexRow[], plans: PlanRow[], changedPlanIds: ReadonlySet<string>, added: Plan[]): DeckIndexRow[] {
  const planOf = new Map<string, string>()
  for (const plan of plans) {
    for (const section of plan.sections) {
      for (const id of section.pointIds)
        planOf.set(id, plan.id)
    }
  }
  const rank = new Map([...plans].sort(comparePlans).map((p, i) => [p.id, i]))
  // theme → plan → ids in reading order
  const groups = new Map<string, Map<string, string[]>>()
  const push = (theme: string, planId: string, id: string) => {
    let byPlan = groups.get(theme)
    if (!byPlan)
      groups.set(theme, byPlan = new Map())
    const ids = byPlan.get(planId)
    if (ids)
      ids.push(id)
    else
      byPlan.set(planId, [id])
  }
  for (const deck of decks) {
    if (!deck.key.startsWith(THEME_PREFIX))
      continue
    const theme = deck.key.slice(THEME_PREFIX.length)
    groups.set(theme, groups.get(theme) ?? new Map())
    for (const id of deck.ids) {
      const planId = planOf.get(id)
      // Unknown ids belong to no stored plan any more (a deleted plan, a dropped point): they leave the deck.
      if (planId !== undefined && !changedPlanIds.has(planId))
        push(theme, planId, id)
    }
  }
  for (const plan of added) {
    for (const section of plan.sections) {
      for (const point of section.points) {
        for (const theme of point.themes)
          push(theme, plan.id, point.id)
      }
    }
  }
  const last = Number.MAX_SAFE_INTEGER
  return [...groups].map(([theme, byPlan]) => ({
    key: themeDeckKey(theme),
    ids: [...byPlan].sort(([a], [b]) => (rank.get(a) ?? last) - (rank.get(b) ?? last)).flatMap(([, ids]) => ids),
  }))
}
