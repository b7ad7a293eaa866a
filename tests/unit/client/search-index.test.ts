import type { SearchDoc } from '~/search/search-index'
import { describe, expect, it } from 'vitest'
import { pinyinInitials } from '~/search/pinyin-initials'
import { buildSearchIndex, initialsIndexOf, queryTerms } from '~/search/search-index'

function doc(id: string, title: string, body = '', leadUnits: string[] = [], partnerUnits: string[] = []): SearchDoc {
  return { id, title, body, leadUnits, partnerUnits }
}

const DOCS: SearchDoc[] = [
  doc('body-hit', '完善数据共享机制', '推动一件事一次办数据互通', ['省数据局']),
  doc('title-mid', '深化一件事一次办改革', '新增一批高频事项', ['省政务局']),
  doc('title-start', '一件事一次办集成服务', '', ['省政务服务和大数据中心']),
  doc('hotline', '优化12345热线服务', '接诉即办', ['省政务服务和大数据中心'], ['省直相关单位']),
  doc('units', '加强政府网站建设', '', ['省政务公开办'], ['各市州人民政府']),
  doc('polyphone', '长沙银行网点便民服务', '', ['市金融办']),
]

describe('search index', () => {
  const index = buildSearchIndex(DOCS, pinyinInitials)

  it('finds characters anywhere and ranks title hits first (title start best), then body', () => {
    expect(index.query('一件事')).toEqual(['title-start', 'title-mid', 'body-hit'])
    expect(index.query('事一次')).toEqual(['title-mid', 'title-start', 'body-hit'])
  })

  it('finds lead and partner units', () => {
    expect(index.query('政务公开办')).toEqual(['units'])
    expect(index.query('省直相关')).toEqual(['hotline'])
    // units outrank body text
    expect(index.query('数据')).toEqual(['body-hit', 'title-start', 'hotline'])
  })

  it('finds pinyin initials of titles and units', () => {
    expect(index.query('yjs')).toEqual(['title-start', 'title-mid'])
    expect(index.query('YJSYCB')).toEqual(['title-start', 'title-mid'])
    expect(index.query('12345rx')).toEqual(['hotline'])
    expect(index.query('zwgkb')).toEqual(['units'])
  })

  it('matches either reading of a polyphone', () => {
    expect(index.query('csyh')).toEqual(['polyphone']) // 长沙 cháng, 银行 háng
    expect(index.query('yhwd')).toEqual(['polyphone'])
    expect(index.query('zsyx')).toEqual(['polyphone']) // the other readings still match
    expect(index.query('csyhx')).toEqual([])
  })

  it('requires every term to match', () => {
    expect(index.query('一件事 改革')).toEqual(['title-mid'])
    expect(index.query('yjs 集成')).toEqual(['title-start'])
    expect(index.query('一件事 不存在')).toEqual([])
  })

  it('folds full-width characters and ignores blank queries', () => {
    expect(index.query('１２３４５')).toEqual(['hotline'])
    expect(index.query('   ')).toEqual([])
    expect(queryTerms(' 一件事，一次办 ')).toEqual(['一件事', '一次办'])
  })

  it('honours the limit and works without pinyin', () => {
    expect(index.query('省', 2)).toHaveLength(2)
    const plain = buildSearchIndex(DOCS)
    expect(plain.query('yjs')).toEqual([])
    expect(plain.query('热线')).toEqual(['hotline'])
    expect(plain.size).toBe(DOCS.length)
  })
})

describe('pinyinInitials', () => {
  it('gives one initial per character, with a second reading for polyphones', () => {
    expect(pinyinInitials('一件事一次办')).toEqual({ primary: 'yjsycb', alt: 'yjsycb' })
    const hotline = pinyinInitials('长沙市12345热线')
    expect(hotline.primary).toHaveLength(10)
    expect(hotline.alt).toHaveLength(10)
    expect(initialsIndexOf(hotline, 'css12345rx')).toBe(0)
    expect(initialsIndexOf(hotline, '12345rx')).toBe(3)
    expect(initialsIndexOf(hotline, 'rxs')).toBe(-1)
    const text = '湘易办（掌上办）'
    expect(pinyinInitials(text).primary).toHaveLength(text.length)
  })
})
