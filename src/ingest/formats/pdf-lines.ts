/**
 * A PDF page's text items → lines in reading order, and the running headers, footers and page numbers dropped.
 * Pure geometry, no PDF library: coordinates are the page's display space (origin top left, y growing down).
 */

export interface TextPiece {
  str: string
  /** Left end of the baseline. */
  x: number
  /** Baseline, from the top of the page. */
  y: number
  width: number
  /** Font height. */
  size: number
}

export interface PageText {
  pieces: TextPiece[]
  width: number
  height: number
}

export interface PdfLine {
  text: string
  y: number
  x0: number
  x1: number
}

/** Share of the page height, from the top and from the bottom, where running headers and footers stand. */
const ZONE = 0.12

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/
const CJK_SPACE = /(?<=[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]) (?=[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF])/g

/** Pieces of one line, left to right, joined; a space only where they stand apart (never between CJK characters). */
function joinLine(pieces: TextPiece[]): PdfLine {
  pieces.sort((a, b) => a.x - b.x)
  let text = ''
  let end = -Infinity
  for (const p of pieces) {
    const size = Math.max(p.size, 1)
    const gap = p.x - end
    if (text !== '' && !/\s$/.test(text) && !/^\s/.test(p.str)) {
      const between = CJK.test(text.at(-1)!) || CJK.test(p.str[0] ?? '')
      // A gap of a character or more is a column gap (table cells, tab stops); smaller ones separate Latin words.
      if (gap > size * 0.9 || (!between && gap > size * 0.15))
        text += ' '
    }
    // PDF.js writes a space into a piece where glyphs stand apart; between Chinese characters that is letter
    // spacing or justification ("县交 通运 输局"), not a word break.
    text += p.str.replace(CJK_SPACE, '')
    end = Math.max(end, p.x + p.width)
  }
  return { text: text.replace(/\s+/g, ' ').trim(), y: pieces[0]!.y, x0: pieces[0]!.x, x1: end }
}

/** Groups pieces into lines by baseline (within a third of the font height), top to bottom. */
function groupLines(pieces: TextPiece[]): TextPiece[][] {
  // Space glyphs are dropped: whether a space stands between two pieces is decided by their distance (joinLine),
  // so the narrow space LibreOffice and Word draw between Chinese and digits ("县 2026 年") does not become text.
  const sorted = pieces.filter(p => p.str.trim() !== '').sort((a, b) => a.y - b.y || a.x - b.x)
  const lines: { y: number, size: number, pieces: TextPiece[] }[] = []
  for (const p of sorted) {
    const last = lines.at(-1)
    if (last && Math.abs(p.y - last.y) <= Math.max(p.size, last.size, 1) * 0.35)
      last.pieces.push(p)
    else
      lines.push({ y: p.y, size: p.size, pieces: [p] })
  }
  return lines.map(l => l.pieces)
}

const right = (p: TextPiece) => p.x + p.width

/** Whether a run of pieces (one line of one column) has a gap of two characters or more inside it (table cells do). */
function hasWideGap(pieces: TextPiece[]): boolean {
  const sorted = [...pieces].sort((a, b) => a.x - b.x)
  return sorted.some((p, i) => i > 0 && p.x - right(sorted[i - 1]!) > Math.max(p.size, 1) * 2)
}

/**
 * Two-column pages (rare in plan documents, cheap to catch): a vertical band near the middle that no piece crosses,
 * with much text on both sides, and both sides set as flowing text: lines filled to the column's edge and no wide
 * gaps inside them, which tells two columns from a table's cells. Returns the gutter's x, or null.
 */
function findGutter(pieces: TextPiece[], width: number): number | null {
  if (pieces.length < 16)
    return null
  const chars = (ps: TextPiece[]) => ps.reduce((n, p) => n + p.str.length, 0)
  const total = chars(pieces)
  const edge = Math.max(...pieces.map(right))
  let best: { gx: number, crossing: number } | null = null
  for (let gx = width * 0.4; gx <= width * 0.6; gx += width * 0.01) {
    const crossing = chars(pieces.filter(p => p.x < gx && right(p) > gx))
    if (crossing > total * 0.1 || (best && crossing >= best.crossing))
      continue
    const [left, rightSide] = splitAt(pieces, gx)
    if (chars(left) < total * 0.25 || chars(rightSide) < total * 0.25)
      continue
    const leftLines = groupLines(left)
    const rightLines = groupLines(rightSide)
    if (leftLines.length < 6 || rightLines.length < 6)
      continue
    const leftEdge = Math.max(...left.map(right))
    const flowing = (lines: TextPiece[][], end: number) =>
      lines.filter(l => Math.max(...l.map(right)) >= end - width * 0.05).length >= lines.length * 0.5
      && lines.filter(l => !hasWideGap(l)).length >= lines.length * 0.8
    if (flowing(leftLines, leftEdge) && flowing(rightLines, edge))
      best = { gx, crossing }
  }
  return best?.gx ?? null
}

/** Pieces left and right of a gutter; one that crosses it goes to the side holding most of its width. */
function splitAt(pieces: TextPiece[], gx: number): [TextPiece[], TextPiece[]] {
  const left: TextPiece[] = []
  const rightSide: TextPiece[] = []
  for (const p of pieces)
    (p.x + p.width / 2 < gx ? left : rightSide).push(p)
  return [left, rightSide]
}

/** A page's lines in reading order: top to bottom, and on a two-column page the left column before the right. */
export function pageLines(page: PageText): PdfLine[] {
  const text = page.pieces.filter(p => p.str.trim() !== '')
  // Running headers and footers span the page whatever its columns: they stay whole lines, at the top and bottom.
  const inZone = (p: TextPiece) => p.y < page.height * ZONE || p.y > page.height * (1 - ZONE)
  const body = text.filter(p => !inZone(p))
  const gutter = findGutter(body, page.width)
  if (gutter === null)
    return groupLines(text).map(joinLine).filter(l => l.text !== '')
  const [left, rightSide] = splitAt(body, gutter)
  const zone = groupLines(text.filter(inZone)).map(joinLine)
  return [
    ...zone.filter(l => l.y < page.height * ZONE),
    ...groupLines(left).map(joinLine),
    ...groupLines(rightSide).map(joinLine),
    ...zone.filter(l => l.y >= page.height * ZONE),
  ].filter(l => l.text !== '')
}

/** Page numbers as offices print them: — 3 —, - 3 -, 第 3 页, 第3页 共10页, 3/10, Page 3, a lone number. */
const PAGE_NUMBER = [
  /^[-—–－‒―_~～·•.\s]*(?:第\s*)?\d{1,4}(?:\s*页)?[-—–－‒―_~～·•.\s]*$/,
  /^第\s*\d+\s*页\s*(?:[,，/／]\s*)?共\s*\d+\s*页$/,
  /^共\s*\d+\s*页\s*(?:[,，/／]\s*)?第\s*\d+\s*页$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/,
  /^(?:page|p\.)\s*\d+(?:\s*(?:of|\/)\s*\d+)?$/i,
]
/** The dashed form is a page number wherever it stands on the page. */
const DASHED_NUMBER = /^[-—–－‒―]+\s*\d{1,4}\s*[-—–－‒―]+$/

/**
 * Drops running headers and footers (lines in the top or bottom zone that repeat, digits aside, on at least half
 * of the pages, and on two pages at least) and page numbers. `pages` holds each page's lines and height.
 */
export function dropRunningText(pages: { lines: PdfLine[], height: number }[]): PdfLine[][] {
  const inZone = (line: PdfLine, height: number) => line.y < height * ZONE || line.y > height * (1 - ZONE)
  const key = (text: string) => text.replace(/\d+/g, '#').replace(/\s+/g, '')
  const pagesWith = new Map<string, number>()
  for (const page of pages) {
    const keys = new Set(page.lines.filter(l => inZone(l, page.height)).map(l => key(l.text)))
    for (const k of keys)
      pagesWith.set(k, (pagesWith.get(k) ?? 0) + 1)
  }
  const repeated = (text: string) => {
    const n = pagesWith.get(key(text)) ?? 0
    return pages.length >= 2 && n >= 2 && n >= pages.length * 0.5
  }
  return pages.map(page => page.lines.filter((line) => {
    if (DASHED_NUMBER.test(line.text))
      return false
    if (!inZone(line, page.height))
      return true
    return !repeated(line.text) && !PAGE_NUMBER.some(re => re.test(line.text))
  }))
}
