import type { Deadline, Target } from '../domain/plan'
import type { Diagnostic } from './diagnostics'
import { columnDeadlines, extractDeadlines } from './deadlines'
import { findResponsibility, findTrailingResponsibility, parseResponsibility } from './responsibility'
import { extractTargets } from './targets'

/** A point's fields as read from its text; ids, themes and relations come later. */
export interface ExtractedPoint {
  no: number
  sectionNo: number
  groupNo?: number
  /** The （一） group heading in nested layouts. */
  group?: string
  title: string
  body: string
  leadUnits: string[]
  partnerUnits: string[]
  responsibility: string
  deadlines: Deadline[]
  targets: Target[]
}

// What may trail the last point of a plan before the next document: a signature, a date, a publication note.
const TRAILING_NOISE = /^[\u4E00-\u9FA5（）()\s]{0,40}(?:\d{4}年\d{1,2}月\d{1,2}日)?[（(]?(?:此件主动公开|此件公开发布)?[）)]?$/

/** Deadlines in a point's text, and in a 完成时限：… label of its responsibility statement. */
function pointDeadlines(content: string, statement: string, planYear: number | null): Deadline[] {
  const found = extractDeadlines(content, planYear)
  const label = /(?:完成时限|时限要求|完成时间|时间节点)[：:]([^；;。）〕】]*)/.exec(statement)
  if (!label)
    return found
  return [...columnDeadlines(label[1]!, planYear).filter(d => !found.some(f => f.date === d.date)), ...found]
}

/**
 * Reads one point: title (first sentence, without its 。), body, the trailing responsibility parenthesis
 * (parentheses inside the body are not responsibilities), deadlines resolved against the plan year, numeric targets.
 */
export function extractPoint(raw: { no: number, sectionNo: number, groupNo?: number, group?: string, text: string }, planYear: number | null, onDiagnostic?: (d: Diagnostic) => void): ExtractedPoint {
  let text = raw.text.trim()
  let at = findTrailingResponsibility(text)
  if (at < 0) {
    // The last point of a document can carry a signature after its parenthesis; drop it only when it looks like one.
    const close = text.lastIndexOf('）')
    const tail = close >= 0 ? text.slice(close + 1) : ''
    if (tail && TRAILING_NOISE.test(tail) && findTrailingResponsibility(text.slice(0, close + 1)) >= 0) {
      onDiagnostic?.({ level: 'info', code: 'trailing-text', message: `point ${raw.no}: dropped trailing text "${tail.slice(0, 30)}"` })
      text = text.slice(0, close + 1)
      at = findTrailingResponsibility(text)
    }
  }
  // The trailing statement, and brackets inside the text that only say who does a part (（县数据局负责落实）).
  const { parts } = findResponsibility(text)
  const responsibilityText = parts.map(p => text.slice(p.start, p.end).trim()).join('')
  let content = ''
  let from = 0
  for (const p of parts) {
    content += text.slice(from, p.start)
    from = p.end
  }
  content = (content + text.slice(from)).trim()
  const stop = content.indexOf('。')
  const title = (stop >= 0 ? content.slice(0, stop) : content).trim()
  const body = (stop >= 0 ? content.slice(stop + 1) : '').trim()
  const responsibility = responsibilityText ? parseResponsibility(responsibilityText) : { leadUnits: [], partnerUnits: [] }
  return {
    no: raw.no,
    sectionNo: raw.sectionNo,
    ...(raw.group ? { groupNo: raw.groupNo, group: raw.group } : raw.groupNo !== undefined ? { groupNo: raw.groupNo } : {}),
    title,
    body,
    leadUnits: responsibility.leadUnits,
    partnerUnits: responsibility.partnerUnits,
    responsibility: responsibilityText,
    deadlines: pointDeadlines(content, responsibilityText, planYear),
    targets: extractTargets(content),
  }
}
