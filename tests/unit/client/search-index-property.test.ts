import type { Initials, SearchDoc } from '~/search/search-index'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { pinyinInitials } from '~/search/pinyin-initials'
import { buildSearchIndex, initialsIndexOf, normalizeForSearch, queryTerms } from '~/search/search-index'

// The index narrows candidates with bigram postings; this reference scans every doc. They must always agree.
const INITIALS_TERM = /^\d*[a-z][\da-z]*$/

function reference(docs: SearchDoc[], initialsOf: (t: string) => Initials, q: string, limit: number): string[] {
  const terms = queryTerms(q).map(term => ({ term, initials: INITIALS_TERM.test(term) }))
  if (terms.length === 0)
    return []
  const hits: { i: number, score: number }[] = []
  docs.forEach((d, i) => {
    const title = normalizeForSearch(d.title)
    const units = normalizeForSearch([...d.leadUnits, ...d.partnerUnits].join(' '))
    const body = normalizeForSearch(d.body)
    let total = 0
    for (const { term, initials } of terms) {
      let score = title.startsWith(term) ? 120 : title.includes(term) ? 100 : units.includes(term) ? 50 : body.includes(term) ? 20 : 0
      if (initials && score < 80) {
        const at = initialsIndexOf(initialsOf(title), term)
        if (at === 0)
          score = 90
        else if (at > 0)
          score = 80
        else if (score < 30 && initialsIndexOf(initialsOf(units), term) >= 0)
          score = 30
      }
      if (score === 0)
        return
      total += score
    }
    hits.push({ i, score: total })
  })
  hits.sort((a, b) => b.score - a.score || a.i - b.i)
  return hits.slice(0, limit).map(h => docs[h.i]!.id)
}

const CHARS = '一件事次办政务公开服数据共享长沙银行网点热线省市局12345abAB '
const text = (max: number) => fc.array(fc.constantFrom(...CHARS), { maxLength: max }).map(a => a.join(''))
const docArb = fc.record({ title: text(12), body: text(30), lead: text(6), partner: text(6) })

describe('search index = reference scan', () => {
  it('gives the same ids in the same order for any docs, query and limit', () => {
    fc.assert(fc.property(fc.array(docArb, { maxLength: 40 }), fc.oneof(text(4), fc.constantFrom('yjs', 'zwgk', 'csyh', '12345', 'sj gk', '数据 共享', '一')), fc.integer({ min: 1, max: 50 }), (raw, q, limit) => {
      const docs: SearchDoc[] = raw.map((r, i) => ({ id: `d${i}`, title: r.title, body: r.body, leadUnits: r.lead ? [r.lead] : [], partnerUnits: r.partner ? [r.partner] : [] }))
      const index = buildSearchIndex(docs, pinyinInitials)
      expect(index.query(q, limit)).toEqual(reference(docs, pinyinInitials, q, limit))
    }), { numRuns: 300, seed: 42 })
  })
})
