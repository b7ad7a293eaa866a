import type * as XLSXModule from '@e965/xlsx'
import type { LedgerCell, LedgerRecord } from './ledger-rows'
import type { Cfb } from './ledger-xlsx-style'
import { LEDGER_COLUMNS } from './ledger-rows'
import { freezeAndStyleHeader } from './ledger-xlsx-style'

/**
 * The 工作台账 as an .xlsx workbook. The library comes in as a parameter: callers import it dynamically at export
 * time (ledger-export.ts), so nothing on the way to 首页 carries it.
 */

type XLSX = typeof XLSXModule

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export const LEDGER_SHEET = '工作台账'
export const DAY_FORMAT = 'yyyy-mm-dd'
export const TIME_FORMAT = 'yyyy-mm-dd hh:mm'

const DAY_MS = 86_400_000
const EXCEL_EPOCH = Date.UTC(1899, 11, 30)
/** Widths in characters, CJK counted as two: wide enough for a unit's name, not so wide a 要点 runs off screen. */
const MIN_WIDTH = 6
const MAX_WIDTH = 60

/** An Excel serial day number for a wall-clock time: the spreadsheet shows the local time the user saw. */
function serial(y: number, m: number, d: number, h = 0, min = 0): number {
  return (Date.UTC(y, m, d, h, min) - EXCEL_EPOCH) / DAY_MS
}

function sheetCell(cell: LedgerCell): XLSXModule.CellObject | undefined {
  if (cell === null)
    return undefined
  switch (cell.t) {
    case 's':
      return { t: 's', v: cell.v }
    case 'n':
      return { t: 'n', v: cell.v }
    case 'pct':
      return { t: 'n', v: cell.v / 100, z: '0%' }
    case 'day': {
      const [y, m, d] = cell.v.split('-').map(Number) as [number, number, number]
      return { t: 'n', v: serial(y, m - 1, d), z: DAY_FORMAT }
    }
    case 'time': {
      const at = new Date(cell.v)
      if (Number.isNaN(at.getTime()))
        return { t: 's', v: cell.v }
      return { t: 'n', v: serial(at.getFullYear(), at.getMonth(), at.getDate(), at.getHours(), at.getMinutes()), z: TIME_FORMAT }
    }
  }
}

/** How wide a text looks in a spreadsheet: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let w = 0
  for (const ch of text)
    w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u.test(ch) ? 2 : 1
  return w
}

function cellWidth(cell: LedgerCell): number {
  if (cell === null)
    return 0
  switch (cell.t) {
    case 'day':
      return DAY_FORMAT.length
    case 'time':
      return TIME_FORMAT.length
    case 'pct':
      return 4
    case 'n':
      return String(cell.v).length
    case 's':
      // A multi-line note is as wide as its longest line.
      return Math.max(...cell.v.split('\n').map(displayWidth))
  }
}

/** Column widths (in characters) that fit the header and the widest cell, within MIN_WIDTH..MAX_WIDTH. */
export function columnWidths(records: readonly LedgerRecord[]): number[] {
  return LEDGER_COLUMNS.map((title, c) => {
    let w = displayWidth(title)
    for (const r of records)
      w = Math.max(w, cellWidth(r[c] ?? null))
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w + 2))
  })
}

/** The worksheet: header row, then one row per record, with widths and an autofilter on the header. */
export function ledgerSheet(X: XLSX, records: readonly LedgerRecord[]): XLSXModule.WorkSheet {
  const ws: XLSXModule.WorkSheet = {}
  LEDGER_COLUMNS.forEach((title, c) => {
    ws[X.utils.encode_cell({ r: 0, c })] = { t: 's', v: title }
  })
  records.forEach((record, i) => {
    record.forEach((cell, c) => {
      const out = sheetCell(cell)
      if (out)
        ws[X.utils.encode_cell({ r: i + 1, c })] = out
    })
  })
  const ref = X.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: records.length, c: LEDGER_COLUMNS.length - 1 } })
  ws['!ref'] = ref
  ws['!cols'] = columnWidths(records).map(wch => ({ wch }))
  ws['!autofilter'] = { ref }
  return ws
}

/** The whole .xlsx file: one sheet named 工作台账, frozen styled header, real dates. */
export function buildLedgerXlsx(X: XLSX, records: readonly LedgerRecord[]): Uint8Array {
  const wb = X.utils.book_new()
  X.utils.book_append_sheet(wb, ledgerSheet(X, records), LEDGER_SHEET)
  const zip = X.write(wb, { type: 'array', bookType: 'xlsx', compression: false }) as ArrayBuffer
  return freezeAndStyleHeader(X.CFB as Cfb, new Uint8Array(zip))
}
