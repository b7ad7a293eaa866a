import type { LedgerFilter, LedgerSource } from './ledger-rows'
import { ledgerPredicate } from './ledger-rows'

/** The export page's choices: a fixed scope, or one plan / one theme picked from a list. */
export type LedgerChoice = 'all' | 'unit' | 'favorites' | 'current' | 'past' | 'plan' | 'theme'

export const LEDGER_CHOICES: { value: LedgerChoice, label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'unit', label: '我的单位' },
  { value: 'favorites', label: '收藏' },
  { value: 'current', label: '现行' },
  { value: 'past', label: '往年' },
  { value: 'plan', label: '按计划' },
  { value: 'theme', label: '按主题' },
]

export interface LedgerCounts {
  all: number
  unit: number
  favorites: number
  current: number
  past: number
  plans: Map<string, number>
  themes: Map<string, number>
}

/** How many rows each choice would export, in one pass over the points (a tap then costs nothing). */
export function ledgerCounts(src: LedgerSource, unit: string, today: Date = new Date()): LedgerCounts {
  const inUnit = ledgerPredicate({ kind: 'unit', unit }, src, today)
  const isCurrent = ledgerPredicate({ kind: 'current' }, src, today)
  const counts: LedgerCounts = { all: 0, unit: 0, favorites: 0, current: 0, past: 0, plans: new Map(), themes: new Map() }
  for (const p of src.points) {
    counts.all++
    if (inUnit(p))
      counts.unit++
    if (src.favorites.has(p.id))
      counts.favorites++
    if (isCurrent(p))
      counts.current++
    else
      counts.past++
    counts.plans.set(p.planId, (counts.plans.get(p.planId) ?? 0) + 1)
    for (const t of p.themes)
      counts.themes.set(t, (counts.themes.get(t) ?? 0) + 1)
  }
  return counts
}

/** The filter a choice stands for; undefined while a plan or theme choice has nothing picked yet. */
export function choiceFilter(choice: LedgerChoice, picked: { unit: string, plan: string, theme: string }): LedgerFilter | undefined {
  switch (choice) {
    case 'unit':
      return { kind: 'unit', unit: picked.unit }
    case 'plan':
      return picked.plan ? { kind: 'plan', id: picked.plan } : undefined
    case 'theme':
      return picked.theme ? { kind: 'theme', id: picked.theme } : undefined
    default:
      return { kind: choice }
  }
}

/** The row count of a filter, read off the counts. */
export function filterCount(counts: LedgerCounts, filter: LedgerFilter): number {
  switch (filter.kind) {
    case 'plan':
      return counts.plans.get(filter.id) ?? 0
    case 'theme':
      return counts.themes.get(filter.id) ?? 0
    default:
      return counts[filter.kind]
  }
}
