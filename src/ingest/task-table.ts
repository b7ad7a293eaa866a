import type { TableBlock, TableRow } from './blocks'
import type { Diagnostic } from './diagnostics'
import type { ExtractedPoint } from './extract'
import type { Numbering, RawSection } from './segment'
import type { TableHeader } from './table-columns'
import { columnDeadlines, extractDeadlines } from './deadlines'
import { numberingOf } from './nesting'
import { parseChineseNumeral } from './numerals'
import { parseResponsibility } from './responsibility'
import { findHeader } from './table-columns'
import { extractTargets } from './targets'

/** A task table (任务分解表, 重点任务清单) read into sections and points; the plan's heading is found around it. */
export interface TablePlan {
  /** Text above the header row inside the table (a merged title row), where there is any. */
  titleRows: string[]
  sections: RawSection[]
  points: ExtractedPoint[]
  numbering: Numbering
  diagnostics: Diagnostic[]
}

const SECTION_TEXT = /^(?:[一二三四五六七八九十]{1,3}[、.．]|第[一二三四五六七八九十]{1,3}(?:部分|章)[：:、]?|(（[一二三四五六七八九十]{1,3}）))(\S.*)?$/
const NOTE = /^(?:备注|注|说明|附注|填报说明)[：:]/
const LEADING_MARK = /^(?:\d{1,4}[.、．]|（\d{1,3}）|（[一二三四五六七八九十]{1,3}）|[一二三四五六七八九十]{1,3}、|[\u2460-\u2473])\s*/

const clean = (cell: string | undefined) => (cell ?? '').replace(/[ \t\u3000]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim()
const oneLine = (text: string) => text.replace(/\n+/g, '')

/** The number in a 序号 cell (12, 一, （三）), or undefined. */
function serial(cell: string): number | undefined {
  const text = cell.replace(/[\s.、．（）()]/g, '')
  if (/^\d{1,4}$/.test(text))
    return Number(text)
  return parseChineseNumeral(text) ?? undefined
}

/** A row that heads a section: one merged cell, or one filled cell reading like a heading. */
function sectionRow(row: TableRow, header: TableHeader): string | undefined {
  const filled = row.cells.map(clean).filter(Boolean)
  if (filled.length === 0)
    return undefined
  const distinct = new Set(filled)
  if (row.merged || distinct.size === 1) {
    const text = filled[0]!
    // A task row whose other columns are empty keeps its serial number; a heading has none, or a Chinese one.
    const noCell = clean(row.cells[header.columns.no ?? -1])
    if (!row.merged && noCell && /^\d+$/.test(noCell))
      return undefined
    return text.length <= 60 && !/[。；]./.test(text) ? text : undefined
  }
  const noCell = clean(row.cells[header.columns.no ?? -1])
  if (filled.length <= 2 && SECTION_TEXT.test(oneLine(filled.join(''))) && !/^\d+$/.test(noCell))
    return oneLine(filled.join(''))
  return undefined
}

function splitTitle(task: string, detail: string): { title: string, body: string } {
  const text = oneLine(task).replace(LEADING_MARK, '')
  const stop = text.search(/[。；]/)
  const title = (stop >= 0 ? text.slice(0, stop) : text).trim()
  const rest = (stop >= 0 ? text.slice(stop + 1) : '').trim()
  const body = [rest, oneLine(detail)].filter(Boolean).join('')
  return { title, body }
}

/**
 * Reads a table as a task table: finds its header row by the column names, merged rows as sections, one point per
 * task row (a row with no number and no task continues the row above). Undefined when it is no task table.
 */
export function readTaskTable(table: TableBlock, year: number | null): TablePlan | undefined {
  const header = findHeader(table.rows)
  if (!header)
    return undefined
  const col = (row: TableRow, role: keyof TableHeader['columns']) => clean(row.cells[header.columns[role] ?? -1])
  const sections: RawSection[] = []
  const points: ExtractedPoint[] = []
  const units = new Map<ExtractedPoint, { lead: string, responsible: string, partner: string, deadline: string }>()
  let group: string | undefined
  let groupNo = 0
  for (const row of table.rows.slice(header.row + 1)) {
    const heading = sectionRow(row, header)
    if (heading !== undefined && NOTE.test(heading))
      continue
    if (heading !== undefined) {
      const m = SECTION_TEXT.exec(heading.replace(/\s+/g, ''))
      if (m?.[1] && sections.length > 0) {
        group = (m[2] ?? '').trim() // （一） under a 一、 section: a group heading
        groupNo++
        continue
      }
      sections.push({ no: sections.length + 1, title: (m ? m[2] ?? '' : heading).replace(/[。：:]$/, '').trim() })
      group = undefined
      continue
    }
    const task = col(row, 'task')
    const detail = col(row, 'detail')
    const noCell = col(row, 'no')
    const cells = { lead: col(row, 'lead'), responsible: col(row, 'responsible'), partner: col(row, 'partner'), deadline: col(row, 'deadline') }
    const previous = points.at(-1)
    const same = previous && task !== '' && oneLine(task).replace(LEADING_MARK, '').startsWith(previous.title) && (noCell === '' || serial(noCell) === previous.no)
    if (previous && ((!noCell && !task) || same)) {
      // A continuation (vertically merged cells): more contents, units or deadlines for the task above.
      const extra = oneLine(detail)
      if (extra && !previous.body.includes(extra))
        previous.body = `${previous.body}${extra}`
      const u = units.get(previous)!
      for (const key of ['lead', 'responsible', 'partner', 'deadline'] as const) {
        if (cells[key] && !u[key].includes(cells[key]))
          u[key] = [u[key], cells[key]].filter(Boolean).join('、')
      }
      continue
    }
    if (!task && !detail)
      continue
    const { title, body } = task ? splitTitle(task, detail) : splitTitle(detail, '')
    if (!title)
      continue
    if (sections.length === 0)
      sections.push({ no: 1, title: '' })
    const point: ExtractedPoint = {
      no: serial(noCell) ?? (previous ? previous.no + 1 : 1),
      sectionNo: sections.at(-1)!.no,
      ...(group ? { group, groupNo } : {}),
      title,
      body,
      leadUnits: [],
      partnerUnits: [],
      responsibility: '',
      deadlines: [],
      targets: extractTargets(`${title}。${body}`),
    }
    points.push(point)
    units.set(point, cells)
  }
  for (const point of points) {
    const u = units.get(point)!
    const statement = [u.lead && `牵头单位：${oneLine(u.lead)}`, u.responsible && `责任单位：${oneLine(u.responsible)}`, u.partner && `配合单位：${oneLine(u.partner)}`].filter(Boolean).join('；')
    const parsed = parseResponsibility(statement)
    point.leadUnits = parsed.leadUnits
    point.partnerUnits = parsed.partnerUnits
    point.responsibility = statement
    const fromColumn = columnDeadlines(u.deadline, year)
    const fromText = extractDeadlines(`${point.title}。${point.body}`, year)
    // The 完成时限 column is the deadline; phrases in the text count only where the column says nothing.
    point.deadlines = u.deadline ? fromColumn : fromText
  }
  const titleRows = table.rows.slice(0, header.row).map(r => oneLine(r.cells.map(clean).filter(Boolean).join(' '))).filter(Boolean)
  const diagnostics: Diagnostic[] = []
  if (points.length === 0)
    diagnostics.push({ level: 'warning', code: 'empty-table', message: `table ${table.name ?? ''}: a header row but no task rows`, zh: `表格${table.name ? `“${table.name}”` : ''}有表头但没有任务行` })
  const used = sections.filter(s => points.some(p => p.sectionNo === s.no))
  return { titleRows, sections: used, points, numbering: numberingOf(points), diagnostics }
}
