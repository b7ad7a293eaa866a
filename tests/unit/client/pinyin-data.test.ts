import { describe, expect, it } from 'vitest'
import { PinyinBlockSchema, PlanSchema } from '~/domain/plan'
import { isPinyinBlock, lengthDigits, NO_PINYIN, parseTable, PinyinDecoder } from '~/search/pinyin-data'
import { encodePinyinBlock } from '~/search/pinyin-encode'
import { packPinyin, SyllableTable } from '~/search/pinyin-text'
import { withPinyin } from '~/search/plan-pinyin'
import { searchTexts } from '~/search/search-index'
import { TermBoundaries, WordReader } from '~/search/word-pinyin'
import { makePlan, makePoint, THEMES } from '../db/fixtures'

const reader = new WordReader(new TermBoundaries(['一网通办', '电子证照']))
const TEXTS = [
  ['长沙银行网点', '', '行政审批服务'],
  ['全省一网通办的重中之重', '省政务局 省直相关单位', '推广电子证照，12345热线与app'],
  ['𠀀字与中文', '', 'x'.repeat(80)],
]

/** Every text of `texts` written as one block and decoded again. */
function roundTrip(texts: string[][]): Uint16Array[] {
  const block = encodePinyinBlock(texts.map(fields => fields.map(t => reader.words(t))))
  const decoder = new PinyinDecoder(new SyllableTable())
  return texts.flatMap((fields, row) => fields.map((t, k) => decoder.decode(block, row, k, t)))
}

/** Packed arrays with syllable ids replaced by their syllables, so arrays from two tables compare. */
function readable(arrays: Uint16Array[], table: SyllableTable): string[][] {
  return arrays.map(a => [...a].map(v => `${v & 0x8000 ? '|' : ''}${v & 0x4000 ? '!' : ''}${table.syllables[v & 0x3FFF]}`))
}

describe('shipped word pinyin', () => {
  it('decodes to exactly what packing the dictionary\'s words gives: word starts, function words, polyphones, long words, astral characters', () => {
    const words = TEXTS.map(fields => fields.map(t => reader.words(t)))
    const block = encodePinyinBlock(words)
    const decoderTable = new SyllableTable()
    const decoder = new PinyinDecoder(decoderTable)
    const referenceTable = new SyllableTable()
    const decoded = TEXTS.flatMap((fields, row) => fields.map((t, k) => decoder.decode(block, row, k, t)))
    const packed = words.flatMap((fields, row) => fields.map((w, k) => packPinyin(TEXTS[row]![k]!.length, w, referenceTable)))
    expect(readable(decoded, decoderTable)).toEqual(readable(packed, referenceTable))
    // 银行 háng and 行政 xíng in one block: one is the usual reading, the other an exception
    expect(readable(decoded, decoderTable)[0]!.slice(2, 4)).toEqual(['|yin', 'hang'])
    expect(readable(decoded, decoderTable)[2]!.slice(0, 2)).toEqual(['|xing', 'zheng'])
    expect(block.rows[0]).toContain('~')
  })

  it('writes word lengths as one digit each, z carrying on past 34', () => {
    expect(lengthDigits(1)).toBe('1')
    expect(lengthDigits(34)).toBe('y')
    expect(lengthDigits(35)).toBe('z1')
    expect(lengthDigits(80)).toBe('zzc')
    expect(roundTrip([['a'.repeat(70), '', '']])[0]!.length).toBe(70)
  })

  it('reads nothing from data that does not fit the text (edited, or from another build)', () => {
    const block = encodePinyinBlock([[reader.words('一网通办'), [], []]])
    const decoder = new PinyinDecoder(new SyllableTable())
    expect(decoder.decode(block, 0, 0, '一网通办')).toHaveLength(4)
    expect(decoder.decode(block, 0, 0, '一网通办了')).toBe(NO_PINYIN)
    expect(decoder.decode(block, 0, 0, '一网通')).toBe(NO_PINYIN)
    expect(decoder.decode(block, 5, 0, '一网通办')).toBe(NO_PINYIN)
    expect(decoder.decode(block, 0, 2, '')).toHaveLength(0)
  })

  it('keeps a block\'s usual readings as readings followed by their characters', () => {
    const { table } = encodePinyinBlock([[reader.words('政务公开'), [], []]])
    expect(table).toBe('gong公kai开wu务zheng政')
    expect(parseTable(table).get('政'.codePointAt(0)!)).toBe('zheng')
  })

  it('is made for every plan and theme, one row per point, and passes the shared schema', () => {
    const plan = makePlan('hunan-2023-zwgk', { sections: [
      { no: 1, title: '一', points: [makePoint('hunan-2023-zwgk-1', { title: '推进一网通办', body: '电子证照' })] },
      { no: 2, title: '二', points: [makePoint('hunan-2023-zwgk-2', { title: '银行网点', leadUnits: ['市金融办'] })] },
    ] })
    const data = withPinyin({ plans: [plan], themes: THEMES })
    const shipped = data.plans[0]!
    expect(shipped.pinyin!.rows).toHaveLength(2)
    expect(PlanSchema.safeParse(shipped).success).toBe(true)
    expect(PlanSchema.safeParse({ ...shipped, pinyin: { ...shipped.pinyin!, rows: shipped.pinyin!.rows.slice(1) } }).success).toBe(false)
    expect(PinyinBlockSchema.safeParse({ table: 'yi一', rows: ['1|1'] }).success).toBe(false)
    expect(data.themes.every(t => t.pinyin?.rows.length === 1)).toBe(true)
    expect(isPinyinBlock(shipped.pinyin)).toBe(true)
    expect(isPinyinBlock({ table: 1, rows: [] })).toBe(false)
    expect(isPinyinBlock(undefined)).toBe(false)
    // the rows cover the texts the index searches
    const texts = searchTexts(plan.sections[1]!.points[0]!)
    const decoder = new PinyinDecoder(new SyllableTable())
    texts.forEach((t, k) => expect(decoder.decode(shipped.pinyin!, 1, k, t)).toHaveLength(t.length))
  })
})
