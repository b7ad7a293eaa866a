import { describe, expect, it } from 'vitest'
import { parseChineseNumeral } from '../../../src/ingest/numerals'

describe('parseChineseNumeral', () => {
  it('reads section and point numbers', () => {
    expect(['一', '九', '十', '十一', '十九', '二十', '二十七', '三十九', '九十九'].map(parseChineseNumeral)).toEqual([1, 9, 10, 11, 19, 20, 27, 39, 99])
  })
  it('rejects what is not a numeral', () => {
    for (const s of ['', '十四五', '一二', '十十', '零', '百'])
      expect(parseChineseNumeral(s)).toBeNull()
  })
})
