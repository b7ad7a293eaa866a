import type { LedgerFilter, LedgerSource } from './ledger-rows'

export type LedgerFormat = 'xlsx' | 'csv'

const FIXED_LABELS = { all: '全部', unit: '我的单位', favorites: '收藏', current: '现行', past: '往年' } as const

/** Characters Windows, macOS or Android refuse in a file name, and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const UNSAFE = /[\\/:*?"<>|\u0000-\u001F\u007F]+/g

/** A plan or theme name made safe for a file name: unsafe characters become -, spaces go, at most 30 characters. */
export function sanitizeFileNamePart(name: string, fallback: string): string {
  const clean = name.replace(UNSAFE, '-').replace(/\s+/g, '').replace(/-{2,}/g, '-').replace(/^[-.]+|[-.]+$/g, '')
  return [...clean].slice(0, 30).join('') || fallback
}

/** What the filter is called in words (the export page and the file name): 全部, 我的单位, a plan's title … */
export function ledgerFilterLabel(filter: LedgerFilter, src: Pick<LedgerSource, 'plans' | 'themes'>): string {
  switch (filter.kind) {
    case 'plan':
      return src.plans.find(p => p.id === filter.id)?.title ?? '计划'
    case 'theme':
      return src.themes.find(t => t.id === filter.id)?.name ?? '主题'
    default:
      return FIXED_LABELS[filter.kind]
  }
}

/** 工作台账-<filter>-YYYYMMDD.<ext> on the local calendar day, e.g. 工作台账-我的单位-20261201.xlsx. */
export function ledgerFileName(label: string, format: LedgerFormat, date: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  const day = `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}`
  return `工作台账-${sanitizeFileNamePart(label, '导出')}-${day}.${format}`
}
