import type { PinyinBlock } from './pinyin-data'
import type { PinyinWord } from './word-pinyin'
import { EXCEPTIONS_MARK, FIELD_SEPARATOR, lengthDigits } from './pinyin-data'

/**
 * Words with their pinyin → a shipped block (format in pinyin-data.ts). Pure and dictionary-free: the words come
 * from word-pinyin.ts wherever plan data is made. `rows` are the indexed items, each its texts' words.
 */

const HAN = /\p{Script=Han}/u
const READING = /^[a-z]+$/

/** Each Han character's syllable at every place it occurs in `rows`. */
function* hanReadings(rows: PinyinWord[][][]): Generator<[cp: number, reading: string]> {
  for (const fields of rows) {
    for (const words of fields) {
      for (const w of words) {
        for (let k = 0; k < w.text.length; k++) {
          const cp = w.text.codePointAt(k)!
          const ch = String.fromCodePoint(cp)
          if (HAN.test(ch))
            yield [cp, w.syllables[k]!]
          if (cp > 0xFFFF)
            k++
        }
      }
    }
  }
}

/** The commonest reading of every Han character (ties: the alphabetically first), if it is a pinyin syllable. */
function usualReadings(rows: PinyinWord[][][]): Map<number, string> {
  const counts = new Map<number, Map<string, number>>()
  for (const [cp, reading] of hanReadings(rows)) {
    if (!READING.test(reading))
      continue
    let byReading = counts.get(cp)
    if (!byReading)
      counts.set(cp, byReading = new Map())
    byReading.set(reading, (byReading.get(reading) ?? 0) + 1)
  }
  const out = new Map<number, string>()
  for (const [cp, byReading] of counts) {
    const [best] = [...byReading].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    out.set(cp, best![0])
  }
  return out
}

/** Readings each followed by their characters, readings and characters in code order (so equal data, equal text). */
function tableText(usual: Map<number, string>): string {
  const byReading = new Map<string, number[]>()
  for (const [cp, reading] of usual)
    byReading.set(reading, [...(byReading.get(reading) ?? []), cp])
  return [...byReading.keys()].sort().map(r => r + byReading.get(r)!.sort((a, b) => a - b).map(cp => String.fromCodePoint(cp)).join('')).join('')
}

function fieldCode(words: PinyinWord[], usual: Map<number, string>): string {
  let code = ''
  for (const w of words)
    code += lengthDigits(w.text.length)
  let exceptions = ''
  let last = 0
  for (const w of words) {
    for (let k = 0; k < w.text.length; k++) {
      const cp = w.text.codePointAt(k)!
      const reading = w.syllables[k]!
      const usualReading = usual.get(cp)
      if (usualReading !== undefined && reading !== usualReading && READING.test(reading)) {
        exceptions += `${w.start + k - last}${reading}`
        last = w.start + k
      }
      if (cp > 0xFFFF)
        k++
    }
  }
  return exceptions ? code + EXCEPTIONS_MARK + exceptions : code
}

/** Encodes rows of texts' words (each text's words cover it from offset 0, in order). */
export function encodePinyinBlock(rows: PinyinWord[][][]): PinyinBlock {
  const usual = usualReadings(rows)
  return { table: tableText(usual), rows: rows.map(fields => fields.map(words => fieldCode(words, usual)).join(FIELD_SEPARATOR)) }
}
