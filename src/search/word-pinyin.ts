import { pinyin } from 'pinyin-pro'

/**
 * Text → words with their pinyin. Runs where plan data is made (build, CLI ingest, the import worker), never in the
 * search worker or on the page: its output ships as index data (pinyin-data.ts). The only dictionary is
 * pinyin-pro's, used per word so a polyphone reads as it does in its word (银行 háng, 行政 xíng).
 */

export interface PinyinWord {
  /** UTF-16 offset of the word in the text. */
  start: number
  text: string
  /** One syllable per UTF-16 unit of `text`, toneless lower case; a non-Han character is its own syllable. */
  syllables: string[]
}

const HAN = /\p{Script=Han}/u
const wordCache = new Map<string, string[]>()

function syllablesOf(word: string): string[] {
  let hit = wordCache.get(word)
  if (!hit) {
    if (!HAN.test(word)) {
      hit = [...word].flatMap(ch => ch.length === 1 ? [ch] : [ch, ch])
    }
    else {
      const read = pinyin(word, { toneType: 'none', type: 'array', v: true })
      const chars = [...word]
      hit = []
      // pinyin-pro gives one reading per code point; a character outside the BMP takes two UTF-16 units.
      chars.forEach((ch, i) => {
        const s = HAN.test(ch) ? (read[i] ?? ch).toLowerCase() : ch
        hit!.push(s)
        if (ch.length === 2)
          hit!.push(s)
      })
    }
    if (wordCache.size > 200_000)
      wordCache.clear()
    wordCache.set(word, hit)
  }
  return hit
}

/**
 * Domain terms that must start a word wherever they occur. ICU's segmentation glues unknown neighbours
 * (全省一网通办 → 全/省一/网/通/办), which would hide 一网通办 from `ywtb`; the theme keywords are the domain's own
 * vocabulary, so their occurrences mark word starts (and ends) too.
 */
export class TermBoundaries {
  private readonly byPair = new Map<string, string[]>()

  constructor(terms: Iterable<string>) {
    for (const raw of terms) {
      const term = raw.trim().toLowerCase()
      if (term.length < 2)
        continue
      const key = term.slice(0, 2)
      const list = this.byPair.get(key)
      if (!list)
        this.byPair.set(key, [term])
      else if (!list.includes(term))
        list.push(term)
    }
  }

  /** Adds the starts and ends of every term occurrence in `text` to `cuts`. */
  mark(text: string, cuts: Set<number>): void {
    if (this.byPair.size === 0)
      return
    for (let i = 0; i + 1 < text.length; i++) {
      const list = this.byPair.get(text.slice(i, i + 2))
      if (!list)
        continue
      for (const term of list) {
        if (text.startsWith(term, i)) {
          cuts.add(i)
          cuts.add(i + term.length)
        }
      }
    }
  }
}

const NO_TERMS = new TermBoundaries([])
let segmenter: Intl.Segmenter | undefined

/** Splits `text` into words (Intl.Segmenter, refined by domain terms), each with its syllables. */
export function pinyinWords(text: string, terms: TermBoundaries = NO_TERMS): PinyinWord[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' })
  const words: PinyinWord[] = []
  const cuts = new Set<number>()
  terms.mark(text, cuts)
  for (const { segment, index } of segmenter.segment(text)) {
    const syllables = syllablesOf(segment)
    let from = 0
    for (let k = 1; k < segment.length; k++) {
      if (cuts.has(index + k)) {
        words.push({ start: index + from, text: segment.slice(from, k), syllables: syllables.slice(from, k) })
        from = k
      }
    }
    words.push(from === 0 ? { start: index, text: segment, syllables } : { start: index + from, text: segment.slice(from), syllables: syllables.slice(from) })
  }
  return words
}

/** Clause ends: ICU never joins a word across them, so each clause can be read (and cached) on its own. */
const CLAUSE_END = /[，。；：、！？,.;:!?“”‘’《》（）()【】\s]/g

/**
 * Reads whole texts clause by clause, caching each clause: plan texts repeat their clauses (省直相关单位,
 * 年底前完成 …) so much that segmenting each one once is what makes 100,000 points quick to read.
 */
export class WordReader {
  private readonly cache = new Map<string, PinyinWord[]>()
  constructor(private readonly terms: TermBoundaries = NO_TERMS) {}

  words(text: string): PinyinWord[] {
    const out: PinyinWord[] = []
    let from = 0
    CLAUSE_END.lastIndex = 0
    while (from < text.length) {
      const hit = CLAUSE_END.exec(text)
      const end = hit ? hit.index + 1 : text.length
      const clause = text.slice(from, end)
      let words = this.cache.get(clause)
      if (!words) {
        words = pinyinWords(clause, this.terms)
        if (this.cache.size > 500_000)
          this.cache.clear()
        this.cache.set(clause, words)
      }
      for (const w of words)
        out.push(from === 0 ? w : { ...w, start: w.start + from })
      from = end
    }
    return out
  }
}
