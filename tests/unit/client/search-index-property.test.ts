import type { SearchDoc, SearchIndex } from '~/search/search-index'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildPinyinSearchIndex } from '~/search/dictionary-index'
import { queryTerms } from '~/search/search-index'

// The index narrows candidates with bigram postings (of characters and of pinyin initials) and stops early; the
// reference reads every doc through `highlight`, which scans each field in full. They must find the same docs.
function fieldTier(index: SearchIndex, term: string, id: string): number {
  const [hit] = index.highlight(term, [id])
  if (!hit)
    return 0
  return hit.title.length ? 3 : hit.units.length ? 2 : hit.body.length ? 1 : 0
}

function reference(index: SearchIndex, docs: SearchDoc[], q: string): Set<string> {
  const terms = queryTerms(q)
  return new Set(terms.length ? docs.filter(d => terms.every(t => fieldTier(index, t, d.id) > 0)).map(d => d.id) : [])
}

const CHARS = '一件事次办政务公开服数据共享长沙银行网点热线省市局的重中之12345abAB，。 '
const text = (max: number) => fc.array(fc.constantFrom(...CHARS), { maxLength: max }).map(a => a.join(''))
const docArb = fc.record({ title: text(12), body: text(30), lead: text(6), partner: text(6), current: fc.boolean() })
const queryArb = fc.oneof(text(4), fc.constantFrom('yjs', 'zwgk', 'csyh', 'zhengwu', 'zhengwug', 'sj gx', '数据 共享', 'shuju', 'dz', 'z', 'yjs一次', '一', 'gk公开'))

describe('search index = reference scan', () => {
  it('finds the same docs for any docs and query; a limit keeps the best tiers, current plans first', () => {
    fc.assert(fc.property(fc.array(docArb, { maxLength: 30 }), queryArb, fc.integer({ min: 1, max: 30 }), (raw, q, limit) => {
      const docs: SearchDoc[] = raw.map((r, i) => ({ id: `d${i}`, title: r.title, body: r.body, leadUnits: r.lead ? [r.lead] : [], partnerUnits: r.partner ? [r.partner] : [], current: r.current }))
      const index = buildPinyinSearchIndex({ docs, terms: ['一网通办', '数据共享'] })
      const expected = reference(index, docs, q)
      const all = index.query(q)
      expect(new Set(all)).toEqual(expected)
      expect(all).toHaveLength(expected.size)
      const limited = index.query(q, limit)
      const terms = queryTerms(q)
      expect(limited).toHaveLength(Math.min(limit, expected.size))
      // pinyin counts its readings over the docs a limit takes, so only characters keep the exact prefix
      if (terms.some(t => /[a-z]/.test(t)))
        expect(limited.every(id => expected.has(id))).toBe(true)
      else
        expect(limited).toEqual(all.slice(0, limit))
      if (terms.length === 1) {
        // tiers never go up, and within a tier current plans come first
        const current = new Map(docs.map(d => [d.id, d.current !== false]))
        const keys = all.map(id => [fieldTier(index, terms[0]!, id), current.get(id) ? 1 : 0] as const)
        for (let k = 1; k < keys.length; k++) {
          expect(keys[k]![0]).toBeLessThanOrEqual(keys[k - 1]![0])
          if (keys[k]![0] === keys[k - 1]![0] && !/[a-z]/.test(terms[0]!))
            expect(keys[k]![1]).toBeLessThanOrEqual(keys[k - 1]![1])
        }
      }
    }), { numRuns: 300, seed: 42 })
  })
})
