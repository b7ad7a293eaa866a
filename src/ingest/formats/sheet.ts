import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx'
import type { BlockDocument, TableBlock, TableRow } from '../blocks'
import { errorText, refuse } from './refusals'

/**
 * .xlsx / .xls (and the WPS .et, which is BIFF too) through SheetJS, loaded on first use: each visible sheet, in
 * order, becomes one table block of the cell texts as Excel shows them. Columns are not interpreted here.
 */

/** The last index whose item passes (Array#findLastIndex is ES2023, past this project's ES2022 lib). */
function lastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) {
    if (test(items[i]!))
      return i
  }
  return -1
}

interface DateCode { y: number, m: number, d: number }
interface Formatter { is_date: (format: string) => boolean, parse_date_code: (serial: number) => DateCode | null }

/** A cell's text as shown: dates as 2026年6月30日 unless the format already writes 年/月, numbers without ".0". */
function cellText(cell: CellObject | undefined, ssf: Formatter): string {
  if (!cell || cell.v === undefined || cell.v === null)
    return cell?.w?.trim() ?? ''
  let text: string
  if (cell.t === 'n' && typeof cell.v === 'number' && typeof cell.z === 'string' && ssf.is_date(cell.z) && !/[年月日]/.test(cell.w ?? '')) {
    const date = ssf.parse_date_code(cell.v)
    // A time of day alone (h:mm) has no date part worth writing.
    text = date && /[yd]/i.test(cell.z.replace(/"[^"]*"|\[[^\]]*\]/g, '')) ? `${date.y}年${date.m}月${date.d}日` : cell.w ?? String(cell.v)
  }
  else if (cell.t === 'd' && cell.v instanceof Date) {
    text = `${cell.v.getUTCFullYear()}年${cell.v.getUTCMonth() + 1}月${cell.v.getUTCDate()}日`
  }
  else if (cell.t === 'e') {
    // Formula errors (#N/A, #REF!) are not content.
    text = ''
  }
  else {
    text = cell.t === 's' ? String(cell.v) : cell.w ?? String(cell.v)
  }
  return text.replace(/\r\n?/g, '\n').replace(/^[ \t\u3000]+|[ \t\u3000]+$/gm, '').trim()
}

/** One worksheet as a table block: used area only, full-width merges as merged rows, other merges empty below/right. */
function sheetTable(sheet: WorkSheet, name: string, ssf: Formatter): TableBlock | null {
  const data: CellObject[][] = (sheet['!data'] as CellObject[][] | undefined) ?? []
  let texts = data.map(row => Array.from(row ?? [], cell => cellText(cell, ssf)))
  // Cells a merge covers show nothing in Excel; files written by other tools can leave stale values there.
  const merges = sheet['!merges'] ?? []
  for (const m of merges) {
    for (let r = m.s.r; r <= m.e.r; r++) {
      for (let c = m.s.c; c <= m.e.c; c++) {
        if ((r !== m.s.r || c !== m.s.c) && texts[r]?.[c] !== undefined)
          texts[r]![c] = ''
      }
    }
  }
  const lastRow = lastIndex(texts, row => row?.some(t => t !== '') ?? false)
  if (lastRow < 0)
    return null
  texts = texts.slice(0, lastRow + 1)
  const firstRow = texts.findIndex(row => row?.some(t => t !== ''))
  const lastCol = Math.max(...texts.map(row => lastIndex(row ?? [], t => t !== '')))
  const firstCol = Math.min(...texts.filter(row => row?.some(t => t !== '')).map(row => row!.findIndex(t => t !== '')))
  const width = lastCol - firstCol + 1
  const rows: TableRow[] = texts.slice(firstRow).map(row => ({ cells: Array.from({ length: width }, (_, c) => row?.[firstCol + c] ?? '') }))
  for (const m of merges) {
    const row = rows[m.s.r - firstRow]
    // A merge across every used column is a title, section or note row: merged, its text in cell 0.
    if (row && width > 1 && m.s.c <= firstCol && m.e.c >= lastCol) {
      const text = row.cells.find(t => t !== '') ?? ''
      row.cells = [text, ...Array.from({ length: width - 1 }, () => '')]
      if (text !== '')
        row.merged = true
    }
  }
  return { kind: 'table', name, rows, at: `工作表 ${name}` }
}

/** Reads a workbook (.xlsx, .xlsb or BIFF .xls): one table block per visible, non-empty sheet. */
export async function readSheets(bytes: Uint8Array, source: string, format: 'xlsx' | 'xls'): Promise<BlockDocument> {
  const XLSX = await import('@e965/xlsx')
  let book: WorkBook
  try {
    book = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true, cellText: true, cellDates: false, cellStyles: false, bookVBA: false, WTF: false })
  }
  catch (error) {
    const text = errorText(error)
    return refuse(/password|encrypt/i.test(text) ? 'office-encrypted' : 'damaged-sheet', source, text)
  }
  const blocks: TableBlock[] = []
  book.SheetNames.forEach((name, i) => {
    const hidden = book.Workbook?.Sheets?.[i]?.Hidden ?? 0
    const sheet = book.Sheets[name]
    if (hidden !== 0 || !sheet)
      return
    const table = sheetTable(sheet, name, XLSX.SSF as Formatter)
    if (table)
      blocks.push(table)
  })
  if (blocks.length === 0)
    return refuse('no-text', source)
  return { source, format, blocks, diagnostics: [] }
}
