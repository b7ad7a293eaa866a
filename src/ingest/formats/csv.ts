import type { BlockDocument, TableRow } from '../blocks'
import { decodeDocument } from '../decode'
import { refuse, withChineseWords } from './refusals'

/**
 * CSV/TSV: decoded like text (UTF-8 with or without BOM, UTF-16, GBK), then parsed as RFC 4180 (quoted fields,
 * doubled quotes, line breaks inside quotes) with the delimiter detected. One table block; columns not interpreted.
 */

const DELIMITERS = [',', '\t', ';', '|'] as const

/** Parses delimited text into records of fields; `limit` stops after that many records (for sniffing). */
export function parseDelimited(text: string, delimiter: string, limit = Infinity): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  let i = 0
  const endRecord = () => {
    record.push(field)
    records.push(record)
    record = []
    field = ''
  }
  while (i < text.length && records.length < limit) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
      }
      else {
        field += ch
      }
      i++
      continue
    }
    if (ch === '"' && field.trim() === '') {
      // An opening quote (spaces before it, as some writers leave, are dropped with it).
      field = ''
      quoted = true
    }
    else if (ch === delimiter) {
      record.push(field)
      field = ''
    }
    else if (ch === '\r' || ch === '\n') {
      endRecord()
      if (ch === '\r' && text[i + 1] === '\n')
        i++
    }
    else {
      field += ch
    }
    i++
  }
  if ((field !== '' || record.length > 0) && records.length < limit)
    endRecord()
  return records
}

/** The delimiter that splits the first records into the most rows of one consistent width (comma when none does). */
export function detectDelimiter(text: string, preferTab = false): string {
  const sample = text.slice(0, 65536)
  let best: { delimiter: string, score: number } = { delimiter: preferTab ? '\t' : ',', score: 0 }
  for (const delimiter of preferTab ? ['\t', ...DELIMITERS.filter(d => d !== '\t')] : DELIMITERS) {
    const widths = parseDelimited(sample, delimiter, 30).filter(r => r.some(f => f.trim() !== '')).map(r => r.length)
    const counts = new Map<number, number>()
    for (const w of widths)
      counts.set(w, (counts.get(w) ?? 0) + 1)
    const [mode, count] = [...counts.entries()].filter(([w]) => w > 1).sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [1, 0]
    const score = count * Math.min(mode, 8)
    if (score > best.score)
      best = { delimiter, score }
  }
  return best.delimiter
}

/** Column names of task tables; a delimited text with two of them in one of its first rows is a task table. */
const COLUMN_NAME = /^(?:序号|编号|工作任务|重点任务|任务名称|主要任务|工作内容|具体内容|工作要求|具体措施|工作措施|主要措施|牵头单位|责任单位|配合单位|协办单位|责任领导|完成时限|时限要求|完成时间|工作目标)$/

/** A text is a CSV by content when its first rows hold task-table column names in delimited fields. */
export function looksLikeCsv(text: string): boolean {
  const delimiter = detectDelimiter(text)
  const rows = parseDelimited(text.slice(0, 65536), delimiter, 8)
  return rows.some(r => r.length >= 3 && r.filter(f => COLUMN_NAME.test(f.trim())).length >= 2)
}

/** Reads a CSV/TSV file into one table block named after the file. */
export function readCsv(bytes: Uint8Array, source: string): BlockDocument {
  const decoded = decodeDocument(bytes, source)
  if (decoded.text === null)
    return { source, format: null, blocks: [], diagnostics: withChineseWords(decoded.diagnostics) }
  const text = decoded.text.replace(/^\uFEFF/, '')
  const delimiter = detectDelimiter(text, /\.tsv$/i.test(source) || /\.tab$/i.test(source))
  let rows = parseDelimited(text, delimiter).map(r => r.map(f => f.replace(/\r\n?/g, '\n').trim()))
  const filled = (r: string[]) => r.some(f => f !== '')
  while (rows.length > 0 && !filled(rows.at(-1)!))
    rows.pop()
  rows = rows.slice(Math.max(0, rows.findIndex(filled)))
  const width = Math.max(0, ...rows.map(r => r.reduce((last, f, i) => (f !== '' ? i + 1 : last), 0)))
  if (rows.length === 0 || width === 0)
    return refuse('no-text', source)
  const tableRows: TableRow[] = rows.map(r => ({ cells: Array.from({ length: width }, (_, i) => r[i] ?? '') }))
  const name = source.split(/[/\\]/).pop()!.replace(/\.[^.]+$/, '')
  return { source, format: 'csv', blocks: [{ kind: 'table', name, rows: tableRows }], diagnostics: decoded.diagnostics }
}
