import type { CheckinRow } from '~/db/checkins'
import type { PlanRow } from '~/db/plans'
import type { PointRow } from '~/db/points'
import type { ThemeRow } from '~/db/themes'
import { currentPlanIds } from '~/domain/plan-currency'
import { PLAN_LEVEL_LABELS } from '~/domain/plan-labels'
import { CHECKIN_STATUS_LABELS } from '~/domain/progress-rules'
import { unitMatcher, unitRole } from '~/domain/unit-match'

/**
 * The 工作台账 as rows of typed cells, before any file format: the CSV and XLSX writers share these, so both files
 * hold the same rows for the same filter. Pure: the data and the clock come in.
 */

export const LEDGER_COLUMNS = ['计划', '层级', '年度', '部分', '序号', '要点', '牵头单位', '配合单位', '时限', '目标', '主题', '最新状态', '进度', '打卡人', '打卡时间', '说明', '佐证数'] as const

/** A cell: text, a number, a percentage (0–100), a calendar day (YYYY-MM-DD) or an instant (ISO), or empty. */
export type LedgerCell
  = | { t: 's', v: string }
    | { t: 'n', v: number }
    | { t: 'pct', v: number }
    | { t: 'day', v: string }
    | { t: 'time', v: string }
    | null

export type LedgerRecord = LedgerCell[]

/** Everything the ledger reads, gathered once (src/export/ledger-export.ts reads it from IndexedDB). */
export interface LedgerSource {
  /** In reading order (comparePointsByPlan). */
  points: readonly PointRow[]
  /** The owner's newest check-in per point. */
  latest: ReadonlyMap<string, CheckinRow>
  plans: readonly Pick<PlanRow, 'id' | 'title' | 'year' | 'region' | 'series'>[]
  themes: readonly Pick<ThemeRow, 'id' | 'name'>[]
  favorites: ReadonlySet<string>
  /** 佐证 photos per check-in id. */
  photoCounts: ReadonlyMap<string, number>
}

export type LedgerFilter
  = | { kind: 'all' }
    | { kind: 'unit', unit: string }
    | { kind: 'favorites' }
    | { kind: 'plan', id: string }
    | { kind: 'theme', id: string }
    | { kind: 'current' }
    | { kind: 'past' }

const DIGITS = '零一二三四五六七八九'

/** 1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (section numbers as the documents write them). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 100)
    return String(n)
  if (n < 10)
    return DIGITS[n]!
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`
}

/** A predicate for the filter; 我的单位 matches as /list does (named units, not 泛指 phrases like 市直相关单位). */
export function ledgerPredicate(filter: LedgerFilter, src: LedgerSource, today: Date): (p: PointRow) => boolean {
  switch (filter.kind) {
    case 'all':
      return () => true
    case 'unit': {
      const m = unitMatcher(filter.unit)
      if (!m.canonical)
        return () => false
      return (p) => {
        const role = unitRole(p, m)
        return role !== null && role !== 'collective'
      }
    }
    case 'favorites':
      return p => src.favorites.has(p.id)
    case 'plan':
      return p => p.planId === filter.id
    case 'theme':
      return p => p.themes.includes(filter.id)
    case 'current':
    case 'past': {
      const current = currentPlanIds(src.plans, today)
      const want = filter.kind === 'current'
      return p => current.has(p.planId) === want
    }
  }
}

/** The points the filter keeps, in reading order. */
export function filterLedgerPoints(src: LedgerSource, filter: LedgerFilter, today: Date = new Date()): PointRow[] {
  return src.points.filter(ledgerPredicate(filter, src, today))
}

const text = (v: string): LedgerCell => (v === '' ? null : { t: 's', v })

/** 时限: one deadline is a real date; several stay words with their dates, as the document lists them. */
function deadlineCell(p: PointRow): LedgerCell {
  if (p.deadlines.length === 1)
    return { t: 'day', v: p.deadlines[0]!.date }
  return text(p.deadlines.map(d => `${d.text}（${d.date}）`).join('；'))
}

/** One point's ledger row. */
export function ledgerRecord(p: PointRow, src: LedgerSource, themeNames: ReadonlyMap<string, string>): LedgerRecord {
  const c = src.latest.get(p.id)
  return [
    text(p.planTitle),
    text(PLAN_LEVEL_LABELS[p.level]),
    p.year === null ? null : { t: 'n', v: p.year },
    text(`${chineseNumeral(p.sectionNo)}、${p.sectionTitle}`),
    { t: 'n', v: p.no },
    text(p.title),
    text(p.leadUnits.join('、')),
    text(p.partnerUnits.join('、')),
    deadlineCell(p),
    text(p.targets.map(t => t.text).join('；')),
    text(p.themes.map(id => themeNames.get(id) ?? id).join('、')),
    text(c ? CHECKIN_STATUS_LABELS[c.status] : '未打卡'),
    c ? { t: 'pct', v: c.progress } : null,
    c ? text(c.owner) : null,
    c ? { t: 'time', v: c.createdAt } : null,
    c ? text(c.note) : null,
    c ? { t: 'n', v: src.photoCounts.get(c.id) ?? 0 } : null,
  ]
}

/** The ledger's rows for a filter, in reading order. */
export function buildLedgerRecords(src: LedgerSource, filter: LedgerFilter, today: Date = new Date()): LedgerRecord[] {
  const themeNames = new Map(src.themes.map(t => [t.id, t.name]))
  return filterLedgerPoints(src, filter, today).map(p => ledgerRecord(p, src, themeNames))
}
