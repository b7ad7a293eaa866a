import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { charBigrams, cosine, fitTfIdf, inverseDocumentFrequency, normalizeForSimilarity, termCounts, textSimilarity } from '../../../src/ingest/similarity'
import { fixturePoint } from './fixtures/points'

describe('charBigrams', () => {
  it('splits a run of Chinese characters into overlapping pairs', () => {
    expect(charBigrams('政务公开')).toEqual(['政务', '务公', '公开'])
  })

  it('does not pair characters across punctuation', () => {
    expect(charBigrams('湘易办，一网通办')).toEqual(['湘易', '易办', '一网', '网通', '通办'])
  })

  it('keeps a single character between punctuation as itself', () => {
    expect(charBigrams('（省）')).toEqual(['省'])
  })

  it('folds full-width letters, case and numbers', () => {
    expect(charBigrams('ＡＰＰ')).toEqual(charBigrams('app'))
    expect(charBigrams('上线10000项')).toEqual(charBigrams('上线700项'))
    expect(normalizeForSimilarity('2023年１２３４５')).toBe('0年0')
  })

  it('gives nothing for text without letters or digits', () => {
    expect(charBigrams('，。“”（）')).toEqual([])
  })
})

describe('tf-idf', () => {
  it('weighs a term found in every document below a term found in one', () => {
    const docs = ['政务公开主题日', '政务公开评估', '政务公开培训'].map(t => termCounts(charBigrams(t)))
    const idf = inverseDocumentFrequency(docs)
    expect(idf.get('政务')!).toBeLessThan(idf.get('题日')!)
  })

  it('builds unit-length vectors', () => {
    const model = fitTfIdf([termCounts(charBigrams('推进政务数据共享')), termCounts(charBigrams('扩大电子证照应用'))])
    const v = model.vectorize(termCounts(charBigrams('持续推进政务数据共享，扩大数据共享范围')))
    const norm = Array.from(v.weights).reduce((s, w) => s + w * w, 0)
    expect(norm).toBeCloseTo(1, 10)
    expect(Array.from(v.ids)).toEqual([...v.ids].sort((a, b) => a - b))
  })

  it('scores a city copy of a provincial point far above an unrelated point', () => {
    const province = fixturePoint('hunan-2023-zwgk', 1)
    const city = fixturePoint('changsha-2023-zwgk', 1)
    const unrelated = fixturePoint('yueyang-2023-jysz', 5)
    const counts = [province, city, unrelated].map(p => termCounts(charBigrams(`${p.title} ${p.body}`)))
    const model = fitTfIdf(counts)
    const [vp, vc, vu] = counts.map(c => model.vectorize(c))
    expect(cosine(vp!, vc!)).toBeGreaterThan(0.8)
    expect(cosine(vp!, vu!)).toBeLessThan(0.1)
  })
})

describe('cosine and textSimilarity', () => {
  it('is 1 for identical text and 0 for texts sharing no bigram', () => {
    expect(textSimilarity('扩大电子证照应用领域', '扩大电子证照应用领域')).toBeCloseTo(1, 10)
    expect(textSimilarity('扩大电子证照应用领域', '加强学习培训')).toBe(0)
  })

  it('is 0 when either text is empty', () => {
    expect(textSimilarity('', '政务公开')).toBe(0)
    expect(textSimilarity('', '')).toBe(0)
  })

  it('ranks a reworded title above an unrelated one', () => {
    const a = textSimilarity('继续开展“政务公开主题日”活动', '组织开展“政务公开主题日”活动')
    const b = textSimilarity('继续开展“政务公开主题日”活动', '加强数据安全保护')
    expect(a).toBeGreaterThan(0.5)
    expect(a).toBeGreaterThan(b)
  })

  it('is symmetric, bounded and 1 on itself for any text', () => {
    const text = fc.string({ unit: fc.constantFrom(...'政务公开数据共享湘易办一件事，。12ab ') })
    fc.assert(fc.property(text, text, (a, b) => {
      const ab = textSimilarity(a, b)
      expect(ab).toBeGreaterThanOrEqual(0)
      expect(ab).toBeLessThanOrEqual(1)
      expect(ab).toBeCloseTo(textSimilarity(b, a), 12)
      if (charBigrams(a).length > 0)
        expect(textSimilarity(a, a)).toBeCloseTo(1, 10)
    }))
  })
})
