import type { SearchDoc } from '~/search/search-index'
import { describe, expect, it } from 'vitest'
import { buildPinyinSearchIndex } from '~/search/dictionary-index'
import { buildSearchIndex, mergeSpans, normalizeForSearch, queryTerms } from '~/search/search-index'
import { initialsReadings } from '~/search/search-query'
import { pinyinWords, TermBoundaries } from '~/search/word-pinyin'

function doc(id: string, title: string, body = '', leadUnits: string[] = [], partnerUnits: string[] = [], current = true): SearchDoc {
  return { id, title, body, leadUnits, partnerUnits, current }
}

const DOCS: SearchDoc[] = [
  doc('body-hit', '完善数据共享机制', '推动一件事一次办数据互通', ['省数据局']),
  doc('title-mid', '深化一件事一次办改革', '新增一批高频事项', ['省政务局']),
  doc('title-start', '一件事一次办集成服务', '', ['省政务服务和大数据中心']),
  doc('hotline', '优化12345热线服务', '接诉即办', ['省政务服务和大数据中心'], ['省直相关单位']),
  doc('units', '加强政府网站建设', '', ['省政务公开办'], ['各市州人民政府']),
  doc('polyphone', '长沙银行网点便民服务', '', ['市金融办']),
  doc('glued', '全省一网通办平台', '实现全省一网通办'),
  doc('past', '深化一件事一次办', '', [], [], false),
  doc('budget', '加强财政预决算公开', ''),
  doc('scattered', '各项工作的重中之重', ''),
]
const TERMS = ['一网通办', '一件事一次办', '电子证照']

describe('search index', () => {
  const index = buildPinyinSearchIndex({ docs: DOCS, terms: TERMS })

  it('finds characters anywhere: title start, title, units, body; current plans before 往年 in each tier', () => {
    expect(index.query('一件事')).toEqual(['title-start', 'title-mid', 'past', 'body-hit'])
    expect(index.query('政务公开办')).toEqual(['units'])
    expect(index.query('数据')).toEqual(['body-hit', 'title-start', 'hotline'])
  })

  it('matches pinyin initials at word starts, where the characters match', () => {
    // 一件事 (three titles) before 预决算 (one): the commonest reading first
    expect(index.query('yjs')).toEqual(['title-mid', 'title-start', 'past', 'budget', 'body-hit'])
    expect(index.query('YJSYCB')).toEqual(['title-mid', 'title-start', 'past', 'body-hit'])
    // ICU reads 全省一网通办 as 全/省一/网/通/办; the theme term 一网通办 marks its start.
    expect(index.query('ywtb')).toEqual(['glued'])
    // not from the middle of a word: 事一次 is no word start
    expect(index.query('syc')).toEqual([])
    // initials across words end where a word ends, and never start on 的
    expect(index.query('dzzz')).toEqual([])
  })

  it('reads full pinyin, mixed with initials and characters', () => {
    expect(index.query('zhengwu')).toEqual(['title-mid', 'title-start', 'hotline', 'units'])
    // the same points as the characters (pinyin has no title-start tier, so the order may differ)
    const same = (q: string) => [...index.query(q)].sort()
    expect(same('yijianshi')).toEqual(same('一件事'))
    expect(same('yijians')).toEqual(same('一件事'))
    expect(same('yjs一次')).toEqual(same('一件事一次'))
    expect(index.query('jiceng')).toEqual([])
  })

  it('reads a polyphone as its word does', () => {
    expect(index.query('csyh')).toEqual(['polyphone']) // 长沙 cháng, 银行 háng
    expect(index.query('yinhang')).toEqual(['polyphone'])
    expect(index.query('yinxing')).toEqual([])
  })

  it('ranks the commonest reading of initials first', () => {
    const budget = buildPinyinSearchIndex({ docs: [DOCS[8]!, DOCS[1]!, DOCS[2]!], terms: [] })
    expect(budget.query('yjs')).toEqual(['title-mid', 'title-start', 'budget'])
  })

  it('requires every term to match', () => {
    expect(index.query('一件事 改革')).toEqual(['title-mid'])
    expect(index.query('yjs 集成')).toEqual(['title-start'])
    expect(index.query('一件事 不存在')).toEqual([])
  })

  it('highlights what matched, characters for pinyin too', () => {
    const [hit] = index.highlight('ywtb', ['glued'])
    expect(hit).toEqual({ id: 'glued', title: [2, 6], units: [], body: [4, 8] })
    const [mixed] = index.highlight('改革 yjs', ['title-mid'])
    expect(mixed!.title).toEqual([2, 5, 8, 10])
    expect(index.highlight('x', ['nope'])).toEqual([])
  })

  it('folds full-width characters and ignores blank queries', () => {
    expect(index.query('１２３４５')).toEqual(['hotline'])
    expect(index.query('   ')).toEqual([])
    expect(queryTerms(' 一件事，一次办 ')).toEqual(['一件事', '一次办'])
    // length-preserving, so highlight offsets hold in the original text
    expect(normalizeForSearch('㈠ＡＢＣ')).toBe('㈠abc')
  })

  it('honours the limit and works without pinyin', () => {
    expect(index.query('省', 2)).toHaveLength(2)
    expect(index.query('yjs', 2)).toHaveLength(2)
    const plain = buildSearchIndex(DOCS)
    expect(plain.query('yjs')).toEqual([])
    expect(plain.query('热线')).toEqual(['hotline'])
    expect(plain.size).toBe(DOCS.length)
  })
})

describe('word pinyin', () => {
  it('splits text into words with one syllable per character, cut at domain terms', () => {
    const words = pinyinWords('全省一网通办', new TermBoundaries(['一网通办']))
    expect(words.map(w => w.text).join('/')).toMatch(/^全\/省\/一/)
    expect(words.flatMap(w => w.syllables)).toEqual(['quan', 'sheng', 'yi', 'wang', 'tong', 'ban'])
    expect(words.every(w => w.syllables.length === w.text.length)).toBe(true)
    expect(pinyinWords('湘易办APP').flatMap(w => w.syllables)).toEqual(['xiang', 'yi', 'ban', 'A', 'P', 'P'])
  })

  it('lists the initials a Latin run can stand for', () => {
    const table = { has: (s: string) => ['zheng', 'zhen', 'wu', 'gong', 'kai', 'e'].includes(s), hasPrefix: (s: string) => 'gong'.startsWith(s) } as never
    const readings = initialsReadings('zhengwu', true, table)!
    expect(readings).toContain('zw')
    expect(readings).toContain('zhengwu')
    expect(initialsReadings('zhengwugo', true, table)).toContain('zwg')
  })

  it('merges overlapping spans', () => {
    expect(mergeSpans([4, 6, 0, 2, 1, 3])).toEqual([0, 3, 4, 6])
  })
})
