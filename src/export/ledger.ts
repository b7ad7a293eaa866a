import type { LedgerCell, LedgerRecord } from './ledger-rows'
import { LEDGER_COLUMNS } from './ledger-rows'

const BOM = '\uFEFF'
const CRLF = '\r\n'

const pad = (n: number) => String(n).padStart(2, '0')

/** Local date-time as YYYY-MM-DD HH:mm (what people expect in a spreadsheet cell). */
export function formatLocalDateTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime()))
    return iso
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
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

function csvValue(cell: LedgerCell): string | number {
  if (cell === null)
    return ''
  switch (cell.t) {
    case 'pct':
      return `${cell.v}%`
    case 'time':
      return formatLocalDateTime(cell.v)
    default:
      return cell.v
  }
}

/** The 工作台账 as CSV: UTF-8 BOM (so Excel reads the Chinese), CRLF line ends, RFC 4180 quoting. */
export function buildLedgerCsv(records: Iterable<LedgerRecord>): string {
  const lines = [LEDGER_COLUMNS.map(csvCell).join(',')]
  for (const record of records)
    lines.push(record.map(c => csvCell(csvValue(c))).join(','))
  return BOM + lines.join(CRLF) + CRLF
}
