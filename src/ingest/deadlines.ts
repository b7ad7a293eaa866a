import type { Deadline } from '../domain/plan'

const CN_QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 }

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function iso(year: number, month: number, day = lastDayOfMonth(year, month)): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

interface Rule {
  pattern: RegExp
  /** Resolves a match to an ISO date, or null when the match is not a deadline after all. */
  resolve: (m: RegExpExecArray, planYear: number) => string | null
}

// Order matters: a phrase claimed by an earlier rule (2022年底前) is not read again by a later one (年底前).
const TEN_DAYS: Record<string, number> = { 上旬: 10, 中旬: 20 }
const tenDays = (year: number, month: number, part: string) => (month >= 1 && month <= 12 ? iso(year, month, TEN_DAYS[part] ?? lastDayOfMonth(year, month)) : null)

const RULES: Rule[] = [
  { pattern: /(\d{4})年(\d{1,2})月(\d{1,2})日(?:前|之前|以前)/g, resolve: m => iso(+m[1]!, +m[2]!, +m[3]!) },
  // A date the work is due by, without 前: 于2026年6月30日完成, 在2026年6月30日
  { pattern: /(?<=[于在至到截])(\d{4})年(\d{1,2})月(\d{1,2})日/g, resolve: m => iso(+m[1]!, +m[2]!, +m[3]!) },
  { pattern: /(\d{4})年(\d{1,2})月(上旬|中旬|下旬)(?:前|之前)?/g, resolve: m => tenDays(+m[1]!, +m[2]!, m[3]!) },
  { pattern: /[到至在]?(\d{4})年(\d{1,2})月(?:份|底)?(?:前|之前|以前|底)/g, resolve: m => iso(+m[1]!, +m[2]!) },
  { pattern: /[到至在]?(\d{4})年(?:底|年底)(?:前|之前)?/g, resolve: m => iso(+m[1]!, 12) },
  { pattern: /[到至在]?(\d{4})年(?:上半年|年中)(?:前|之前)?/g, resolve: m => iso(+m[1]!, 6) },
  { pattern: /(?<![\d年])(\d{1,2})月[份底末]?(?:前|之前|以前)/g, resolve: (m, y) => +m[1]! >= 1 && +m[1]! <= 12 ? iso(y, +m[1]!) : null },
  { pattern: /(?<![\d年])(\d{1,2})月(上旬|中旬|下旬)(?:前|之前)?/g, resolve: (m, y) => tenDays(y, +m[1]!, m[2]!) },
  // 6月底完成, 9月末: the end of a month names a deadline even without 前.
  { pattern: /(?<![\d年每])(\d{1,2})月(?:底|末)/g, resolve: (m, y) => +m[1]! >= 1 && +m[1]! <= 12 ? iso(y, +m[1]!) : null },
  { pattern: /(?<![每\d])第?([一二三四1-4])季度(?!开始|起|以来)(?:末|底)?前?/g, resolve: (m, y) => iso(y, CN_QUARTER[m[1]!]! * 3) },
  { pattern: /(?<!每)(?:到|至)?年底(?:前|之前)?|年内|年末前/g, resolve: (_m, y) => iso(y, 12) },
  { pattern: /(?<!每)上半年/g, resolve: (_m, y) => iso(y, 6) },
  { pattern: /(?<!每)下半年/g, resolve: (_m, y) => iso(y, 12) },
]

/**
 * Finds deadline phrases (年底前, 6月份前, 2022年底前, 到2023年底, 第二季度, 上半年, 年内) and resolves them against
 * the plan year. Recurring phrases (每季度, 每年) are not deadlines. Without a plan year only dated phrases resolve.
 */
export function extractDeadlines(text: string, planYear: number | null): Deadline[] {
  const claimed: Array<[number, number]> = []
  const found: Array<Deadline & { at: number }> = []
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      const start = m.index
      const end = start + m[0].length
      if (claimed.some(([a, b]) => start < b && end > a))
        continue
      const needsYear = !/\d{4}年/.test(m[0])
      if (needsYear && planYear === null)
        continue
      const date = rule.resolve(m, planYear ?? 0)
      if (!date)
        continue
      claimed.push([start, end])
      const phrase = m[0].replace(/^[到至在]/, '')
      if (!found.some(d => d.text === phrase && d.date === date))
        found.push({ text: phrase, date, at: start })
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ text: t, date }) => ({ text: t, date }))
}

const RECURRING = /持续|长期|常态|经常|随时|适时|每[年月季周日天]|按[年季月]|全年|日常/
const oneLine = (text: string) => text.replace(/\n+/g, '')

/** Deadlines of a 完成时限 cell: phrases as in text, and bare dates (2026年6月30日, 6月底, 三季度); recurring words none. */
export function columnDeadlines(cell: string, year: number | null): Deadline[] {
  const text = oneLine(cell).replace(/(\d{4})[./-](\d{1,2})(?:[./-](\d{1,2}))?/g, (_m, y, mo, d) => `${y}年${Number(mo)}月${d ? `${Number(d)}日` : ''}`)
  if (text === '' || (RECURRING.test(text) && !/\d|[一二三四]季度|年底|上半年|下半年/.test(text)))
    return []
  const found = extractDeadlines(text, year)
  if (found.length > 0)
    return found
  // A bare date in the column is the deadline itself: read it as "…前".
  return extractDeadlines(`${text}前`, year).map(d => ({ ...d, text: text.slice(0, 30) }))
}
