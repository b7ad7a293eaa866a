import type { FlatText } from './flat-text'
import { parseChineseNumeral } from './numerals'

/**
 * Numbering marks in a flattened document. `section` numbers the parts of a plan (一、 第一部分 第一章); the other
 * kinds number points, or the items under a group heading in nested layouts.
 */
export type MarkerKind = 'section' | 'paren' | 'arabic' | 'arabicParen' | 'circled' | 'article'

export interface Marker {
  kind: MarkerKind
  pos: number
  end: number
  no: number
  lineStart: boolean
  /** Found right after a character, not at a line start or after punctuation: only good as a run's continuation. */
  weak: boolean
}

/** What may stand right before a mark numbering a point inside a flattened line. */
const BEFORE_INLINE_MARKER = /[。；！？）”」】〕：:\s]/
const CIRCLED = /[\u2460-\u2473\u3251-\u325F\u32B1-\u32BF]/g

function circledValue(ch: string): number {
  const c = ch.charCodeAt(0)
  if (c <= 0x2473)
    return c - 0x245F
  if (c <= 0x325F)
    return c - 0x3251 + 21
  return c - 0x32B1 + 36
}

function numeral(text: string): number | null {
  return /^\d+$/.test(text) ? Number(text) : parseChineseNumeral(text)
}

/** Every numbering mark outside 《》 citations, in document order. */
export function findMarkers(flat: FlatText): Marker[] {
  const out: Marker[] = []
  const { text } = flat
  const boundary = (pos: number) => pos === 0 || !!flat.lineStart[pos] || BEFORE_INLINE_MARKER.test(text[pos - 1]!)
  const add = (kind: MarkerKind, pos: number, end: number, no: number | null, needsBoundary: boolean) => {
    if (!no || no <= 0 || flat.inBook[pos])
      return
    const bounded = boundary(pos)
    // Numbers run through prose ("2.5亿", "第3批"); after a character a mark counts only as a run's continuation.
    const weak = !bounded && !/[\d.]/.test(text[pos - 1] ?? '')
    if (needsBoundary && !bounded && !weak)
      return
    out.push({ kind, pos, end, no, lineStart: !!flat.lineStart[pos], weak: needsBoundary && !bounded })
  }
  for (const m of text.matchAll(/([一二三四五六七八九十]{1,3})、/g))
    add('section', m.index, m.index + m[0].length, parseChineseNumeral(m[1]!), true)
  for (const m of text.matchAll(/第([一二三四五六七八九十]{1,3})(?:部分|章)[：:、\s]?/g))
    add('section', m.index, m.index + m[0].length, parseChineseNumeral(m[1]!), true)
  for (const m of text.matchAll(/（([一二三四五六七八九十]{1,3})）/g))
    add('paren', m.index, m.index + m[0].length, parseChineseNumeral(m[1]!), false)
  // Up to four digits: task tables and long lists run past 999; a year before 、 or . only counts as a run's
  // continuation, so it never starts one.
  for (const m of text.matchAll(/(?<!\d)(\d{1,4})[.、](?![\d.])/g))
    add('arabic', m.index, m.index + m[0].length, Number(m[1]), true)
  for (const m of text.matchAll(/（(\d{1,3})）/g))
    add('arabicParen', m.index, m.index + m[0].length, Number(m[1]), true)
  for (const m of text.matchAll(CIRCLED))
    add('circled', m.index, m.index + m[0].length, circledValue(m[0]), false)
  // 第一条 is distinctive enough to be read anywhere, but not where a point cites an article (第二条规定…).
  for (const m of text.matchAll(/第([一二三四五六七八九十百零〇两]{1,5}|\d{1,3})条(?!规定|[所的中之第款项例])[：:、\s]?/g))
    add('article', m.index, m.index + m[0].length, numeral(m[1]!), false)
  return out.sort((a, b) => a.pos - b.pos || a.end - b.end)
}
