import type { SyllableTable } from './pinyin-text'
import { hasLatin, isHanChar } from './pinyin-text'

/** Full-width forms, ideographic space, circled and parenthesised numbers, CJK compatibility. */
const COMPAT_FORMS = /[\u2460-\u24FF\u3000\u3200-\u33FF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/

/**
 * Folds full-width forms and case so 'ＡＢＣ１' finds 'abc1'. Length-preserving (a character whose folded form is
 * longer, like ㈠, stays as it is), so match positions in the folded text are positions in the original: the
 * page highlights the original text with them.
 */
export function normalizeForSearch(text: string): string {
  let out = text
  // NFKC is slow on long text; only run it where compatibility forms can occur.
  if (COMPAT_FORMS.test(text)) {
    out = ''
    for (const ch of text) {
      const folded = COMPAT_FORMS.test(ch) ? ch.normalize('NFKC') : ch
      out += folded.length === ch.length ? folded : ch
    }
  }
  const lower = out.toLowerCase()
  return lower.length === out.length ? lower : out
}

/** Splits a query into terms; whitespace and common separators separate terms. */
export function queryTerms(q: string): string[] {
  return normalizeForSearch(q).split(/[\s,，、;；]+/).filter(t => t.length > 0)
}

/** A term split into runs: Han characters (matched as themselves) and the rest (read as pinyin). */
export interface TermRuns {
  han: string[]
  latin: { text: string, last: boolean }[]
}

export function termRuns(term: string): TermRuns {
  const runs: TermRuns = { han: [], latin: [] }
  const parts = term.match(/\p{Script=Han}+|\P{Script=Han}+/gu) ?? []
  parts.forEach((part, i) => {
    if (isHanChar(part[0]!))
      runs.han.push(part)
    else
      runs.latin.push({ text: part, last: i === parts.length - 1 })
  })
  return runs
}

const MAX_SEQUENCES = 64

/**
 * The initials a Latin run can stand for, one letter per text character: "zhengwu" → zw (zheng·wu), zhengwu (seven
 * initials) …; null when there are too many readings to be worth narrowing by. Every way the matcher can read the
 * run gives one of these, so candidates found by them are a superset of the matches.
 */
export function initialsReadings(run: string, last: boolean, table: SyllableTable): string[] | null {
  const memo = new Map<number, Set<string> | null>()
  const from = (i: number): Set<string> | null => {
    if (i === run.length)
      return new Set([''])
    if (memo.has(i))
      return memo.get(i)!
    const out = new Set<string>()
    const ends = new Set<number>([i + 1])
    if (/[a-z]/.test(run[i]!)) {
      if (run[i + 1] === 'h' && 'zcs'.includes(run[i]!))
        ends.add(i + 2)
      for (let j = i + 2; j <= Math.min(run.length, i + 6); j++) {
        const s = run.slice(i, j)
        if (table.has(s) || (last && j === run.length && table.hasPrefix(s)))
          ends.add(j)
      }
    }
    let overflow = false
    for (const j of ends) {
      if (j > run.length)
        continue
      const rest = from(j)
      if (rest === null) {
        overflow = true
        break
      }
      for (const r of rest)
        out.add(run[i] + r)
      if (out.size > MAX_SEQUENCES) {
        overflow = true
        break
      }
    }
    const result = overflow ? null : out
    memo.set(i, result)
    return result
  }
  const all = from(0)
  return all ? [...all] : null
}

/** Whether a term is read as pinyin (it holds a Latin letter) or matched as characters only. */
export function isPinyinTerm(term: string): boolean {
  return hasLatin(term)
}
