import type { PackedPinyin, SyllableTable } from './pinyin-text'
import type { PinyinBlock } from '~/domain/plan'
import { canStartMatch, NO_MATCH_START, WORD_START } from './pinyin-text'

export type { PinyinBlock } from '~/domain/plan'

/**
 * Word pinyin as shipped with the plan data, so the client needs no dictionary (the build, the CLI ingest and the
 * import worker write it; see plan-pinyin.ts). One block per plan (or theme):
 *
 * - `table`: each character's usual reading in this block, as readings each followed by their characters
 *   ("yi一以已wang网往"). Characters not listed read as themselves (digits, Latin, signs).
 * - `rows`: one per indexed item (a plan's points in reading order), its three searched texts (title, units, body,
 *   as normalizeForSearch gives them) joined by `|`. A text is its word lengths in UTF-16 units, one character each
 *   (1-9, a-y = 10-34; z adds 34 and the length goes on in the next character), then, if any character reads
 *   otherwise than usual in its word (银行 háng where the block says xíng), `~` and for each such character the
 *   distance from the previous one (decimal) and its reading.
 */

export const FIELD_SEPARATOR = '|'
export const EXCEPTIONS_MARK = '~'
const DIGITS = '123456789abcdefghijklmnopqrstuvwxyz'
/** Value of the continuation digit `z`. */
export const LENGTH_STEP = DIGITS.length - 1

/** One word length as digits. */
export function lengthDigits(length: number): string {
  let out = ''
  let left = length
  while (left > LENGTH_STEP) {
    out += 'z'
    left -= LENGTH_STEP
  }
  return out + DIGITS[left - 1]
}

/** The cheap structural check the client makes (the build validates the data with the shared zod schema). */
export function isPinyinBlock(value: unknown): value is PinyinBlock {
  const v = value as PinyinBlock | null
  return typeof v === 'object' && v !== null && typeof v.table === 'string' && Array.isArray(v.rows)
}

/** Code point → reading, from a block's table. */
export function parseTable(table: string): Map<number, string> {
  const out = new Map<number, string>()
  for (const [, reading, chars] of table.matchAll(/([a-z]+)([^a-z]+)/g)) {
    for (const ch of chars!)
      out.set(ch.codePointAt(0)!, reading!)
  }
  return out
}

/** Packed pinyin of a text the data does not cover: no syllables, no word starts, so only characters match it. */
export const NO_PINYIN: PackedPinyin = new Uint16Array(0)

/** Digit character code → length (0: not a digit). */
const DIGIT_VALUE: number[] = []
for (const [i, d] of [...DIGITS].entries())
  DIGIT_VALUE[d.charCodeAt(0)] = i + 1
const Z = 'z'.charCodeAt(0)

/**
 * Unpacks shipped blocks into the index's packed form, sharing one syllable table. Reading a text is one pass over
 * it and its word lengths: no segmentation and no dictionary, which is what makes the first query fast. Lookups go
 * through two 64K arrays (the current block's readings, and characters read as themselves) instead of maps, since
 * 100,000 points are tens of millions of characters; docs come plan by plan, so the block rarely changes.
 */
export class PinyinDecoder {
  private readonly readings = new WeakMap<PinyinBlock, Map<number, number>>()
  /** Syllable id of each BMP character in the current block's table (0: not in it). */
  private readonly blockIds = new Uint16Array(0x10000)
  private blockCodes: number[] = []
  private currentBlock: PinyinBlock | undefined
  /** Syllable id of each BMP character read as itself (0: not seen yet). */
  private readonly plainIds = new Uint16Array(0x10000)
  private lastRow: { block: PinyinBlock, row: number, fields: string[] } | undefined

  constructor(readonly table: SyllableTable) {}

  private readingIds(block: PinyinBlock): Map<number, number> {
    let ids = this.readings.get(block)
    if (!ids) {
      ids = new Map()
      for (const [cp, reading] of parseTable(block.table))
        ids.set(cp, this.table.id(reading))
      this.readings.set(block, ids)
    }
    return ids
  }

  private use(block: PinyinBlock): Map<number, number> {
    const ids = this.readingIds(block)
    if (this.currentBlock !== block) {
      for (const c of this.blockCodes)
        this.blockIds[c] = 0
      this.blockCodes = []
      for (const [cp, id] of ids) {
        if (cp <= 0xFFFF) {
          this.blockIds[cp] = id
          this.blockCodes.push(cp)
        }
      }
      this.currentBlock = block
    }
    return ids
  }

  /** A character read as itself. */
  private plainId(cp: number): number {
    const id = cp <= 0xFFFF ? this.plainIds[cp]! : 0
    if (id !== 0)
      return id
    const created = this.table.id(String.fromCodePoint(cp))
    if (cp <= 0xFFFF)
      this.plainIds[cp] = created
    return created
  }

  private fieldCode(block: PinyinBlock, row: number, field: number): string | undefined {
    if (this.lastRow?.block !== block || this.lastRow.row !== row) {
      const code = block.rows[row]
      this.lastRow = { block, row, fields: typeof code === 'string' ? code.split(FIELD_SEPARATOR) : [] }
    }
    return this.lastRow.fields[field]
  }

  /** Field `field` of row `row` of `block` for `text`; NO_PINYIN when the data is missing or does not fit the text. */
  decode(block: PinyinBlock, row: number, field: number, text: string): PackedPinyin {
    const code = this.fieldCode(block, row, field)
    if (code === undefined)
      return NO_PINYIN
    const readings = this.use(block)
    const mark = code.indexOf(EXCEPTIONS_MARK)
    const lengthsEnd = mark < 0 ? code.length : mark
    const out = new Uint16Array(text.length)
    const blockIds = this.blockIds
    const plainIds = this.plainIds
    let at = 0
    let carry = 0
    for (let k = 0; k < lengthsEnd; k++) {
      const c = code.charCodeAt(k)
      if (c === Z) {
        carry += LENGTH_STEP
        continue
      }
      const length = carry + (DIGIT_VALUE[c] ?? 0)
      carry = 0
      const end = at + length
      if (length === 0 || end > text.length)
        return NO_PINYIN
      for (let i = at; i < end; i++) {
        const unit = text.charCodeAt(i)
        if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < end) {
          const cp = text.codePointAt(i)!
          const id = readings.get(cp) ?? this.plainId(cp)
          out[i] = id
          out[++i] = id
        }
        else {
          out[i] = blockIds[unit] || plainIds[unit] || this.plainId(unit)
        }
      }
      out[at] = out[at]! | (length === 1 && !canStartMatch(text[at]!) ? WORD_START | NO_MATCH_START : WORD_START)
      at = end
    }
    if (at !== text.length)
      return NO_PINYIN
    if (mark >= 0)
      this.applyExceptions(code.slice(mark + 1), text, out)
    return out
  }

  private applyExceptions(exceptions: string, text: string, out: PackedPinyin): void {
    let pos = 0
    for (const [, gap, reading] of exceptions.matchAll(/(\d+)([a-z]+)/g)) {
      pos += Number(gap)
      if (pos >= out.length)
        break
      const id = this.table.id(reading!)
      out[pos] = (out[pos]! & (WORD_START | NO_MATCH_START)) | id
      if (text.codePointAt(pos)! > 0xFFFF && pos + 1 < out.length)
        out[pos + 1] = id
    }
  }
}
