import type { PinyinWord } from './word-pinyin'

/**
 * A text's pinyin packed for the index: one Uint16 per UTF-16 unit, the syllable's id in a shared table, with the
 * top bit set where a word starts (and the next one where that word is a function word). Two bytes a character keeps 100,000 points' titles, units and bodies in a
 * worker's memory; the plan data ships what it is decoded from (pinyin-data.ts).
 */
export type PackedPinyin = Uint16Array

export const WORD_START = 0x8000
/** A word start where no pinyin match may begin (a function word). */
export const NO_MATCH_START = 0x4000
const ID_MASK = 0x3FFF

/** Syllables seen in the indexed texts; the query parser reads full syllables from it, so no list is hard-coded. */
export class SyllableTable {
  private readonly ids = new Map<string, number>()
  readonly syllables: string[] = ['']
  private readonly initials: number[] = [0]

  id(s: string): number {
    let id = this.ids.get(s)
    if (id === undefined) {
      if (this.syllables.length > ID_MASK)
        return 0
      id = this.syllables.push(s) - 1
      this.initials.push(s.charCodeAt(0))
      this.ids.set(s, id)
    }
    return id
  }

  initialCode(id: number): number {
    return this.initials[id]!
  }

  has(s: string): boolean {
    return this.ids.has(s)
  }

  /** Whether some syllable starts with `prefix` (a query still being typed). */
  hasPrefix(prefix: string): boolean {
    for (const s of this.syllables) {
      if (s.length > prefix.length && s.startsWith(prefix))
        return true
    }
    return false
  }
}

/**
 * Function characters standing alone as a word (的, 和 …): a pinyin query never means to start there, and ICU's
 * guesses around them make false matches (dzzz → 的|重|中之).
 */
const FUNCTION_WORDS = new Set('的地得了着和与及或等之在对把被为以其'.split(''))

/** Whether a word can begin a pinyin match. */
export function canStartMatch(word: string): boolean {
  return !FUNCTION_WORDS.has(word)
}

/** Packs a text's words; `length` is the text's UTF-16 length. */
export function packPinyin(length: number, words: PinyinWord[], table: SyllableTable): PackedPinyin {
  const out = new Uint16Array(length)
  for (const w of words) {
    const starts = canStartMatch(w.text)
    for (let k = 0; k < w.syllables.length && w.start + k < length; k++)
      out[w.start + k] = table.id(w.syllables[k]!) | (k === 0 ? (starts ? WORD_START : WORD_START | NO_MATCH_START) : 0)
  }
  return out
}

/**
 * Writes the bigram codes of a text's initials (first letter of each syllable, else the character) into `out` (at
 * least text.length long), for postings; returns how many.
 */
export function initialsCodesInto(text: string, packed: PackedPinyin, table: SyllableTable, pair: (a: number, b: number) => number, out: Int32Array): number {
  let n = 0
  let prev = -1
  for (let i = 0; i < text.length; i++) {
    const code = table.initialCode(packed[i]! & ID_MASK) || text.charCodeAt(i)
    if (prev >= 0)
      out[n++] = pair(prev, code)
    prev = code
  }
  return n
}

const HAN = /\p{Script=Han}/u
/** Characters of a query that stand for themselves; the rest (letters, digits, signs) are read against syllables. */
export function isHanChar(ch: string): boolean {
  return HAN.test(ch)
}

/** Whether a query term is read as pinyin: it holds a Latin letter. */
export function hasLatin(term: string): boolean {
  return /[a-z]/.test(term)
}

function crossesWord(packed: PackedPinyin, start: number, end: number): boolean {
  for (let k = start + 1; k < end; k++) {
    if (packed[k]! & WORD_START)
      return true
  }
  return false
}

/**
 * Where `term` (normalised, with Latin letters) matches the text from position `t`, as its end, or -1. Each text
 * character takes a Han query character equal to it, or from the Latin part its whole syllable, its initial
 * (zh/ch/sh or the first letter), or, at the very end of the query, any start of its syllable (typing goes on).
 * A match that runs across words and ends on an initial must end where a word ends: dzzz is 电子证照, not
 * 的|重中之(重).
 */
function matchFrom(term: string, qi: number, text: string, packed: PackedPinyin, table: SyllableTable, t: number, start: number, viaInitial: boolean): number {
  if (qi === term.length)
    return viaInitial && t < text.length && (packed[t]! & WORD_START) === 0 && crossesWord(packed, start, t) ? -1 : t
  if (t >= text.length)
    return -1
  const qc = term[qi]!
  if (isHanChar(qc))
    return text[t] === qc ? matchFrom(term, qi + 1, text, packed, table, t + 1, start, false) : -1
  const s = table.syllables[packed[t]! & ID_MASK] || text[t]!
  if (s[0] !== qc)
    return -1
  if (term.startsWith(s, qi)) {
    const end = matchFrom(term, qi + s.length, text, packed, table, t + 1, start, false)
    if (end >= 0)
      return end
  }
  if (s.length > 2 && s[1] === 'h' && (qc === 'z' || qc === 'c' || qc === 's') && term[qi + 1] === 'h') {
    const end = matchFrom(term, qi + 2, text, packed, table, t + 1, start, true)
    if (end >= 0)
      return end
  }
  if (s.length > 1) {
    const end = matchFrom(term, qi + 1, text, packed, table, t + 1, start, true)
    if (end >= 0)
      return end
    const rest = term.length - qi
    if (rest > 1 && rest < s.length && s.startsWith(term.slice(qi)))
      return t + 1
  }
  return -1
}

/**
 * Every non-overlapping pinyin match of `term` in the text, as [start, end) pairs. A query that opens with Latin
 * letters must start at a word start, so initials match words, not syllables scattered across them.
 */
export function pinyinSpans(term: string, text: string, packed: PackedPinyin, table: SyllableTable, first = false): number[] {
  const spans: number[] = []
  const latinFirst = !isHanChar(term[0]!)
  for (let t = 0; t < text.length; t++) {
    if (latinFirst ? (packed[t]! & (WORD_START | NO_MATCH_START)) !== WORD_START : text[t] !== term[0])
      continue
    const end = matchFrom(term, 0, text, packed, table, t, t, false)
    if (end > t) {
      spans.push(t, end)
      if (first)
        break
      t = end - 1
    }
  }
  return spans
}

/** Every non-overlapping occurrence of `term` as [start, end) pairs. */
export function substringSpans(term: string, text: string, first = false): number[] {
  const spans: number[] = []
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) {
    spans.push(at, at + term.length)
    if (first)
      break
  }
  return spans
}
