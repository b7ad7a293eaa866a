import type { CheckinRow } from '~/db/checkins'
import type { PointRow } from '~/db/points'
import { CHECKIN_STATUS_LABELS } from '~/domain/progress-rules'

/** One line of the 工作台账: a work point and its newest check-in, if any. */
export interface LedgerRow {
  point: PointRow
  latest?: CheckinRow
}

export const LEDGER_HEADER = ['计划', '章节', '序号', '要点', '牵头单位', '配合单位', '时限', '状态', '进度', '备注', '打卡时间'] as const

const BOM = '\uFEFF'
const CRLF = '\r\n'
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

/** Local date-time as YYYY-MM-DD HH:mm (what people expect in a spreadsheet cell). */
export function formatLocalDateTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime()))
    return iso
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

/**
 * RFC 4180 quoting, plus a leading apostrophe on text that Excel would run as a formula
 * (=, +, -, @): user notes must never execute when the ledger is opened.
 */
export function csvCell(value: string | number): string {
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text))
    text = `'${text}`
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text
}

function ledgerCells({ point, latest }: LedgerRow): (string | number)[] {
  return [
    point.planTitle,
    `${chineseNumeral(point.sectionNo)}、${point.sectionTitle}`,
    point.no,
    point.title,
    point.leadUnits.join('、'),
    point.partnerUnits.join('、'),
    point.deadlines.map(d => `${d.text}（${d.date}）`).join('；'),
    latest ? CHECKIN_STATUS_LABELS[latest.status] : '未打卡',
    latest ? `${latest.progress}%` : '',
    latest?.note ?? '',
    latest ? formatLocalDateTime(latest.createdAt) : '',
  ]
}

/** The 工作台账 as CSV: UTF-8 BOM (so Excel reads the Chinese), CRLF line ends, RFC 4180 quoting. */
export function buildLedgerCsv(rows: Iterable<LedgerRow>): string {
  const lines = [LEDGER_HEADER.map(csvCell).join(',')]
  for (const row of rows)
    lines.push(ledgerCells(row).map(csvCell).join(','))
  return BOM + lines.join(CRLF) + CRLF
}
