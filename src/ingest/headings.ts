import type { PlanLevel } from '../domain/plan'
import type { FlatText } from './flat-text'
import { readIssuer } from './issuer'

/** A plan heading such as 湖南省2023年政务管理服务工作要点, found where a heading can stand. */
export interface PlanHeading {
  start: number
  end: number
  title: string
  region: string
  level: PlanLevel
  year: number | null
  topic: string
}

/** A notice header (…关于印发《…》的通知) and the plan titles it announces. */
export interface NoticeHeading {
  /** Where the notice block begins: its line start or the end of the previous sentence. */
  start: number
  announced: string[]
}

/** The kinds of plan a heading names (longest first, so 重点任务清单 is not read as 任务清单). */
export const PLAN_GENRES = [
  '重点工作任务分工方案',
  '重点任务分工方案',
  '工作任务分工方案',
  '任务分工方案',
  '重点工作任务分解表',
  '重点任务分解表',
  '工作任务分解表',
  '任务分解表',
  '重点工作任务清单',
  '重点任务清单',
  '工作任务清单',
  '任务清单',
  '责任清单',
  '工作实施方案',
  '实施方案',
  '工作方案',
  '行动方案',
  '工作要点',
  '工作计划',
  '工作安排',
]
const GENRE = `(${PLAN_GENRES.join('|')})`
// 2026年 or a span of years (2025—2027年): the plan's year is the first.
const YEAR = '((?:19|20)\\d{2})(?:[—–－~～至到-](?:(?:19|20)\\d{2}|\\d{2}))?年度?'
const TITLE = new RegExp(`${YEAR}([\\u4E00-\\u9FA5“”、]{0,30}?)${GENRE}`, 'g')
// The year after the genre: 青山县政务公开工作要点（2026年）.
const TITLE_YEAR_AFTER = new RegExp(`([\\u4E00-\\u9FA5“”、]{2,40}?)${GENRE}[（(]${YEAR}[)）]`, 'g')
const HEADING_BOUNDARY = /[。；！？）」”】\n]/
// Words that mark a sentence talking about a plan rather than a plan's own heading.
const NOT_A_TOPIC = /工作|的|要将|本年|上年|落实/
const NOT_AFTER_TITLE = /^(?:[》〉的。，、]|落实|情况|要求|和《|印发|已经)/

function isBoundary(flat: FlatText, pos: number): boolean {
  if (pos <= 0 || flat.lineStart[pos])
    return true
  const prev = flat.text[pos - 1]!
  // A heading right after the notice's signing date ("…2023年3月6日湖南省2023年…") in text flattened to one line.
  return HEADING_BOUNDARY.test(prev) || (prev === '日' && /\d/.test(flat.text[pos - 2] ?? ''))
}

/** Finds plan headings outside citations, with the region read from the characters just before the year. */
export function findPlanHeadings(flat: FlatText): PlanHeading[] {
  const out: PlanHeading[] = []
  for (const m of flat.text.matchAll(TITLE)) {
    const yearPos = m.index
    const end = yearPos + m[0].length
    if (flat.inBook[yearPos] || NOT_AFTER_TITLE.test(flat.text.slice(end, end + 3)))
      continue
    let start = yearPos
    while (start > 0 && yearPos - start < 24 && /[\u4E00-\u9FA5]/.test(flat.text[start - 1]!) && !flat.lineStart[start] && !isDateEnd(flat.text, start))
      start--
    if (!isBoundary(flat, start))
      continue
    // Inside a sentence 工作 and 的 mark talk about a plan; a title alone on its line may hold them
    // (某县2026年政府工作报告重点任务分解表).
    if (NOT_A_TOPIC.test(m[2]!) && !(isOwnLine(flat, start, end) && !/的/.test(m[2]!)))
      continue
    // The issuer may be a government, one of its departments, or a national body; a sentence is none of them.
    const issuer = readIssuer(flat.text.slice(start, yearPos))
    if (!issuer)
      continue
    // A plan with no topic of its own (XX区2026年重点任务清单) is named by its genre; 工作要点 keeps the short id.
    const topic = m[2]!.replace(/^度/, '') || (m[3] === '工作要点' ? '' : m[3]!)
    out.push({ start, end, title: flat.text.slice(start, end), region: issuer.region, level: issuer.level, year: Number(m[1]), topic })
  }
  return [...out, ...headingsWithYearAfter(flat, out)].sort((a, b) => a.start - b.start)
}

/** Headings that name their year after the genre; the issuer is the longest start of the words that is one. */
function headingsWithYearAfter(flat: FlatText, found: PlanHeading[]): PlanHeading[] {
  const out: PlanHeading[] = []
  for (const m of flat.text.matchAll(TITLE_YEAR_AFTER)) {
    const end = m.index + m[0].length
    if (flat.inBook[m.index] || found.some(h => h.start < end && h.end > m.index) || NOT_AFTER_TITLE.test(flat.text.slice(end, end + 3)))
      continue
    // The lazy match may start inside a longer run of characters: the heading starts where the run does.
    let start = m.index
    while (start > 0 && m.index + m[1]!.length - start < 40 && /[\u4E00-\u9FA5]/.test(flat.text[start - 1]!) && !flat.lineStart[start])
      start--
    if (!isBoundary(flat, start))
      continue
    const words = flat.text.slice(start, m.index + m[1]!.length)
    for (let k = words.length; k >= 0; k--) {
      const issuer = readIssuer(words.slice(0, k))
      if (!issuer || (k === 0 && words.length > 12) || NOT_A_TOPIC.test(words.slice(k)))
        continue
      out.push({ start, end, title: flat.text.slice(start, end), region: issuer.region, level: issuer.level, year: Number(m[3]), topic: words.slice(k) })
      break
    }
  }
  return out
}

function isOwnLine(flat: FlatText, start: number, end: number): boolean {
  return (start === 0 || !!flat.lineStart[start]) && (end >= flat.text.length || !!flat.lineStart[end])
}

function isDateEnd(text: string, pos: number): boolean {
  return text[pos - 1] === '日' && /\d/.test(text[pos - 2] ?? '')
}

/** Finds notice headers (关于印发…的通知) outside citations. */
export function findNotices(flat: FlatText): NoticeHeading[] {
  const out: NoticeHeading[] = []
  const text = flat.text
  for (const m of text.matchAll(/关于印发/g)) {
    const pos = m.index
    if (flat.inBook[pos])
      continue
    const close = text.indexOf('的通知', pos)
    const span = text.slice(pos, close > pos && close - pos < 200 ? close : pos + 120)
    const announced = [...span.matchAll(/《([^《》]+)》/g)].map(a => a[1]!)
    let start = pos
    while (start > 0 && !flat.lineStart[start] && !/[。）]/.test(text[start - 1]!))
      start--
    out.push({ start, announced })
  }
  return out
}

/**
 * Reads the document number (湘政办发〔2023〕11号) and signing date from the text before a plan heading.
 * `anchor` is the notice header's offset in that text: the number nearest to it belongs to this notice.
 */
export function readNoticeMeta(noticeText: string, anchor = 0): { docNo?: string, issuedOn?: string } {
  let docNo: string | undefined
  let best = Infinity
  for (const m of noticeText.matchAll(/[\u4E00-\u9FA5]{1,14}〔\d{4}〕\d+号/g)) {
    const distance = Math.abs(m.index - anchor)
    if (distance < best) {
      best = distance
      // The issuer's abbreviation directly follows the notice title in scraped pages ("…的通知湘政办发〔2023〕11号").
      docNo = m[0].replace(/^.*(?:通知|日期|时间)/, '')
    }
  }
  const dates = [...noticeText.matchAll(/(\d{4})年(\d{1,2})月(\d{1,2})日/g)]
  let issuedOn: string | undefined
  const last = dates.at(-1)
  if (last) {
    issuedOn = isoDate(Number(last[1]), Number(last[2]), Number(last[3]))
  }
  else {
    const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(noticeText)
    if (iso)
      issuedOn = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  }
  return { ...(docNo ? { docNo } : {}), ...(issuedOn ? { issuedOn } : {}) }
}

function isoDate(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31)
    return undefined
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}
