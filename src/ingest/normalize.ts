import { Converter } from 'opencc-js/t2cn'
import { removeNoise } from './noise'

/** What normalize had to repair; the merge stage prefers readings that needed fewer repairs. */
export interface NormalizeRepairs {
  traditionalChars: number
  pageMarkers: number
  halfWidthPunctuation: number
  brokenLines: number
  /** HTML remnants, pinyin annotations, runs of ? and the like removed. */
  noise: number
}

export interface NormalizedText {
  /** Clean Simplified Chinese text, one source line per line (line breaks are kept: they are hints, not truth). */
  text: string
  repairs: NormalizeRepairs
}

const toSimplified = Converter({ from: 'tw', to: 'cn' })

/** CJK ideographs plus the full-width punctuation that sits between them. */
const CJK_CHAR = '\\u3000-\\u303F\\u3400-\\u9FFF\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\u201C\\u201D\\u2018\\u2019\\u2014\\u2026\\u00B7'
const PAGE_MARKER = /^(?:#\s*page\s*\d+\s*:?|[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:[，,/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/i

// Characters common in Traditional text that Simplified text never uses: a cheap test before the costly conversion.
const TRADITIONAL_HINT = /[們個這會來對說過發開關點學國動實現經問題機場業總員區書體當從務網號縣辦廳戶門進還時間東長頭種與應級據產電視無處權資報設計導車價錢銀醫藥療衛護環變歷壓組織線優數統規範檢測驗證備專項隊審費額條圖層樣樓讓認識論講語詳請調談誤讀議貨質賬買賣農氣響頁順顯類飛黨齡龍歲協聯絡雙傳績效營運輸]/

/**
 * Converts Traditional Chinese to Simplified wherever the text uses it: a whole Traditional document, or the odd
 * Traditional character a mirror site left in a Simplified one (公開). Returns the number of characters changed.
 */
export function simplify(text: string): { text: string, changed: number } {
  if (!TRADITIONAL_HINT.test(text))
    return { text, changed: 0 }
  const converted = toSimplified(text)
  let changed = 0
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== converted[i])
      changed++
  }
  return { text: converted, changed }
}

/** Full-width letters and digits → ASCII; ideographic space and NBSP → space; drop zero-width and control characters. */
function foldWidths(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A]/gi, ch => String.fromCharCode(ch.charCodeAt(0) - 0xFEE0))
    .replace(/[\u3000\u00A0\u2002-\u200A\u202F\u205F]/g, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/(\d)[．﹒]/g, '$1.')
    // Years written in characters (二〇二六年) as digits, the way the heading finder reads them.
    .replace(/([〇零一二三四五六七八九]{4})年/g, (_m, y: string) => `${[...y].map(ch => '〇一二三四五六七八九'.indexOf(ch === '零' ? '〇' : ch)).join('')}年`)
    // Enclosed numerals as the numbering forms the segmenter reads: ⑴ → （1）, ⒈ → 1.
    .replace(/[\u2474-\u2487]/g, ch => `（${ch.charCodeAt(0) - 0x2473}）`)
    .replace(/[\u2488-\u249B]/g, ch => `${ch.charCodeAt(0) - 0x2487}.`)
    .replace(/\t/g, ' ')
    .replace(/[^\n\P{Cc}]/gu, '')
}

const HALF_TO_FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' }
const cjkBefore = new RegExp(`[${CJK_CHAR}]$`)
const cjkAfter = new RegExp(`^[${CJK_CHAR}]`)

/**
 * Half-width punctuation → full-width where it sits in Chinese text. ASCII contexts (15:55, 1,000, URLs, "(a)") stay as written.
 */
function widenPunctuation(line: string): { line: string, count: number } {
  if (!/[,:;?!()]/.test(line))
    return { line, count: 0 }
  let count = 0
  // Parentheses pair up first so "(一)" and "(省政务局牵头)" widen together.
  let out = line.replace(/\(([^()]*)\)/g, (whole, inner: string, offset: number, all: string) => {
    const before = all.slice(0, offset)
    const after = all.slice(offset + whole.length)
    if (/[\u3400-\u9FFF]/.test(inner) || cjkBefore.test(before) || cjkAfter.test(after)) {
      count++
      return `（${inner}）`
    }
    return whole
  })
  out = out.replace(/[,:;?!()]/g, (ch, offset: number, all: string) => {
    const before = all.slice(Math.max(0, offset - 1), offset)
    const after = all.slice(offset + 1, offset + 2)
    if (ch === ':' && /^\/\//.test(all.slice(offset + 1)))
      return ch
    if (cjkBefore.test(before) || cjkAfter.test(after) || (ch === '(' && after === '') || (ch === ')' && before === '')) {
      count++
      return HALF_TO_FULL[ch]!
    }
    return ch
  })
  return { line: out, count }
}

/** Removes spaces that touch a CJK character or full-width punctuation ("2023 年5 月" → "2023年5月"). */
function dropCjkSpaces(line: string): string {
  return line
    .replace(new RegExp(`([${CJK_CHAR}]) +`, 'g'), '$1')
    .replace(new RegExp(` +([${CJK_CHAR}])`, 'g'), '$1')
    .replace(/ {2,}/g, ' ')
    .trim()
}

/**
 * Normalizes a decoded document: Traditional → Simplified, full/half-width forms, PDF page markers, stray white space.
 * Line structure is kept for the segmenter, which treats a line start as a hint only.
 */
export function normalizeText(raw: string): NormalizedText {
  const repairs: NormalizeRepairs = { traditionalChars: 0, pageMarkers: 0, halfWidthPunctuation: 0, brokenLines: 0, noise: 0 }
  const cleaned = removeNoise(raw.replace(/\r\n?/g, '\n'))
  repairs.noise = cleaned.repairs
  const simplified = simplify(foldWidths(cleaned.text))
  repairs.traditionalChars = simplified.changed

  const lines: string[] = []
  for (const rawLine of simplified.text.split('\n')) {
    if (PAGE_MARKER.test(rawLine.trim())) {
      repairs.pageMarkers++
      continue
    }
    const widened = widenPunctuation(rawLine)
    repairs.halfWidthPunctuation += widened.count
    // "一." and "一．" at a line start are section numbers written with the wrong stop.
    const line = dropCjkSpaces(widened.line).replace(/^([一二三四五六七八九十]{1,3})[.．](?=[\u4E00-\u9FA5])/, '$1、')
    if (line !== '')
      lines.push(line)
  }
  // A line that stops without closing punctuation was broken by the PDF/text export.
  for (const line of lines) {
    if (!/[。；！？：）”」》]$/.test(line))
      repairs.brokenLines++
  }
  return { text: lines.join('\n'), repairs }
}
