import type { BlockDocument, TableBlock } from './blocks'
import type { Diagnostic } from './diagnostics'
import type { DocumentExtras, DocumentPlan } from './merge'
import type { NormalizeRepairs } from './normalize'
import type { RawPlan } from './segment'
import type { TablePlan } from './task-table'
import { extractPoint } from './extract'
import { flatten } from './flat-text'
import { dropRepeatedFragments } from './fragments'
import { findPlanHeadings, readNoticeMeta } from './headings'
import { pointKey } from './nesting'
import { normalizeText } from './normalize'
import { segmentDocument } from './segment'
import { findHeader } from './table-columns'
import { readTaskTable } from './task-table'
import { readLooseTitle } from './untitled'

/** How much repair a document needed per thousand characters: the merge trusts cleaner documents first. */
function documentNoise(repairs: NormalizeRepairs, length: number): number {
  const weighted = repairs.pageMarkers * 2 + repairs.noise + repairs.brokenLines + repairs.halfWidthPunctuation * 0.2 + repairs.traditionalChars * 0.05
  return weighted / Math.max(1, length / 1000)
}

const rowText = (cells: string[]) => cells.map(c => c.replace(/\s*\n\s*/g, '')).filter(Boolean).join(' ')

/** The plan heading a task table stands under: the last one in the text before it, else a title row inside it. */
interface TableHeading { title: string, region: string, level: DocumentPlan['level'], year: number | null, topic: string, fromTitle: boolean }

function tableHeading(table: TableBlock, textBefore: string, source: string): TableHeading {
  const before = findPlanHeadings(flatten(normalizeText(textBefore).text)).at(-1)
  if (before)
    return { ...before, fromTitle: true }
  return { title: '', region: '', level: 'department', year: null, topic: '', fromTitle: false, ...titleFromTable(table, source) }
}

function titleFromTable(table: TableBlock, source: string): Partial<TableHeading> {
  const header = table.rows.findIndex(r => r.cells.filter(Boolean).length >= 2)
  for (const row of table.rows.slice(0, Math.max(0, header))) {
    const text = normalizeText(rowText(row.cells)).text
    const found = findPlanHeadings(flatten(text))[0]
    if (found)
      return { ...found, fromTitle: true }
  }
  const titleRow = table.rows.slice(0, Math.max(0, header)).map(r => rowText(r.cells)).find(t => t.length >= 4 && t.length <= 60)
  const named = table.name && !/^(?:sheet|工作表|表)\s*\d*$/i.test(table.name) ? table.name : undefined
  const title = normalizeText(titleRow ?? named ?? source.replace(/^.*[/\\]/, '').replace(/\.[a-z0-9]{1,5}$/i, '')).text
  return { title, ...readLooseTitle(title) }
}

/** A task table as one plan reading, titled from the text before it or from the table itself. */
function tablePlan(heading: TableHeading, plan: TablePlan, textBefore: string, source: string, diagnostics: Diagnostic[]): DocumentPlan {
  if (!heading.fromTitle)
    diagnostics.push({ level: 'warning', code: 'no-title', source, message: `task table without a plan title; titled “${heading.title}”`, zh: `表格没有可识别的计划标题，已用“${heading.title}”作为标题，请核对` })
  const year = heading.year
  return {
    title: heading.title,
    region: heading.region,
    level: heading.level,
    year,
    topic: heading.topic,
    ...readNoticeMeta(textBefore),
    preamble: '',
    sections: plan.sections,
    numbering: plan.numbering,
    anomalies: 0,
    source,
    noise: 0,
    points: plan.points,
  }
}

function withDiagnostics(read: TablePlan, source: string, diagnostics: Diagnostic[]): TablePlan {
  diagnostics.push(...read.diagnostics.map(d => ({ ...d, source })))
  return read
}

/** Reads one document into per-plan readings (running text and task tables), reporting what it could not read. */
export function readDocument(doc: BlockDocument, diagnostics: Diagnostic[]): { plans: DocumentPlan[], extras: DocumentExtras } | null {
  const source = doc.source
  diagnostics.push(...doc.diagnostics)
  if (doc.format === null)
    return null
  const lines: string[] = []
  // Task tables in document order; one with no title of its own is read once the text's plans are known.
  const found: { block: TableBlock, heading: TableHeading, textBefore: string, read: TablePlan }[] = []
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') {
      lines.push(block.text)
      continue
    }
    const textBefore = lines.slice(-40).join('\n')
    const heading = findHeader(block.rows) ? tableHeading(block, textBefore, source) : undefined
    // Deadlines like 年底前 resolve against the plan year, which only the heading gives.
    const read = heading && readTaskTable(block, heading.year)
    if (heading && read && read.points.length > 0) {
      found.push({ block, heading, textBefore, read })
    }
    else {
      // Not a task table (layout, or a table inside the text): its rows read as lines of text.
      lines.push(...block.rows.map(r => rowText(r.cells)))
    }
  }
  const normalized = normalizeText(lines.join('\n'))
  if (normalized.repairs.traditionalChars > 0)
    diagnostics.push({ level: 'info', code: 'traditional', source, message: `converted ${normalized.repairs.traditionalChars} Traditional characters to Simplified`, zh: `已将 ${normalized.repairs.traditionalChars} 个繁体字转为简体` })
  const segmented = segmentDocument(normalized.text, source)
  // A table with no title after a plan in the text (an 附件 task table of the same points) belongs to that plan,
  // so the merge can make one plan of the two readings.
  const textPlan = segmented.plans.findLast(p => p.points.length > 0)
  const tables = found.map(({ heading, block, textBefore, read }) => {
    if (heading.fromTitle || !textPlan)
      return tablePlan(heading, withDiagnostics(read, source, diagnostics), textBefore, source, diagnostics)
    const inherited: TableHeading = { title: textPlan.title, region: textPlan.region, level: textPlan.level, year: textPlan.year, topic: textPlan.topic, fromTitle: true }
    const reread = inherited.year === heading.year ? read : readTaskTable(block, inherited.year) ?? read
    return tablePlan(inherited, withDiagnostics(reread, source, diagnostics), textBefore, source, diagnostics)
  })
  const tableTitles = new Set(tables.map(t => t.title))
  // A heading whose points are in a table after it: the table's reading is the plan.
  const textPlans = segmented.plans.filter(p => !(p.points.length === 0 && tableTitles.has(p.title)))
  diagnostics.push(...segmented.diagnostics.filter(d => !(d.code === 'no-title' && tables.length > 0 && textPlans.every(p => p.points.length === 0))))
  const base = documentNoise(normalized.repairs, normalized.text.length)
  const plans = [...textPlans.flatMap(raw => readTextPlan(raw, segmented.noticeText, base, source, diagnostics)), ...tables]
  if (plans.length === 0)
    diagnostics.push({ level: 'error', code: 'no-plans', source, message: 'no work-point plan found: no heading such as “XX市2023年…工作要点” followed by numbered points （一） or 1.', zh: '没有找到工作要点：文件中没有“XX县2026年…工作要点”这样的标题，也没有（一）或 1. 编号的条目' })
  const announcedTitles = [...segmented.noticeText.matchAll(/《([^《》]+)》/g)].map(m => m[1]!)
  return { plans, extras: { source, announcedTitles, flatText: segmented.flatText } }
}

function readTextPlan(raw: RawPlan, noticeText: string, base: number, source: string, diagnostics: Diagnostic[]): DocumentPlan[] {
  if (raw.points.length === 0) {
    diagnostics.push({ level: 'warning', code: 'no-points', source, message: `${raw.title}: heading found but no numbered points`, zh: `“${raw.title}”有标题但没有编号的条目` })
    return []
  }
  // Only a document that already repeated its own header (a scrape) gets de-duplicated: clean documents may
  // legitimately say the same sentence twice.
  if (raw.anomalies > 0) {
    const dropped = dropRepeatedFragments(raw, noticeText)
    if (dropped > 0)
      diagnostics.push({ level: 'warning', code: 'repeated-fragments', source, message: `${raw.title}: dropped ${dropped} repeated fragment(s) of a scraped page`, zh: `“${raw.title}”中有 ${dropped} 处网页重复内容，已删去` })
  }
  const numbers = raw.points.map(p => p.no)
  if (raw.numbering === 'plan' && numbers.some((n, i) => n !== i + 1))
    diagnostics.push({ level: 'warning', code: 'numbering-gap', source, message: `${raw.title}: point numbers are not continuous (${numbers.join(', ')})`, zh: `“${raw.title}”的条目编号不连续（${numbers.join('、')}），请核对是否漏读` })
  const points = raw.points.map(p => extractPoint(p, raw.year, d => diagnostics.push({ ...d, source, message: `${raw.title} ${d.message}` })))
  const seen = new Set<string>()
  for (const p of points) {
    const key = pointKey(p, raw.numbering)
    if (seen.has(key))
      diagnostics.push({ level: 'warning', code: 'duplicate-number', source, message: `${raw.title}: point ${p.no} appears twice`, zh: `“${raw.title}”第 ${p.no} 条出现了两次` })
    seen.add(key)
  }
  const unassigned = points.filter(p => p.responsibility === '').map(p => p.no)
  if (unassigned.length > 0)
    diagnostics.push({ level: 'info', code: 'no-responsibility', source, message: `${raw.title}: ${unassigned.length} point(s) name no responsible unit: ${unassigned.join(', ')}`, zh: `第 ${unassigned.join('、')} 条没有写明牵头单位` })
  return [{ ...raw, source, noise: base + raw.anomalies * 5, points }]
}
