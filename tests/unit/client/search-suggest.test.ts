import { describe, expect, it } from 'vitest'
import { buildDictionaryIndexes } from '~/search/dictionary-index'
import { snippet, splitBySpans } from '~/search/highlight'
import { suggestFor } from '~/search/suggest'
import { withQuery } from '~/stores/search-history'

const corpus = {
  docs: [
    { id: 'a', title: '扩大电子证照应用领域', body: '推进电子证照互通互认', leadUnits: ['省政务局'], partnerUnits: [] },
    { id: 'b', title: '进一步提升一网通办能力', body: '', leadUnits: ['省政务局'], partnerUnits: [] },
  ],
  terms: ['电子证照', '一网通办'],
  themes: [
    { id: 'dianzizhengzhao', title: '电子证照', body: '电子证照 证照 免证', leadUnits: [], partnerUnits: [] },
    { id: 'tongban', title: '一网通办与跨省通办', body: '一网通办 跨省通办', leadUnits: [], partnerUnits: [] },
  ],
}

describe('search suggestions', () => {
  const indexes = buildDictionaryIndexes(corpus)
  const answer = (q: string) => {
    const ids = indexes.points.query(q)
    return { ids, ...suggestFor(q, ids.length, indexes.points, indexes.themes) }
  }

  it('suggests themes as the user types, by characters or pinyin', () => {
    expect(answer('证照').themes).toEqual(['dianzizhengzhao'])
    expect(answer('ywtb').themes).toEqual(['tongban'])
    expect(answer('kuasheng').themes).toEqual(['tongban'])
  })

  it('when nothing is found, names the closest theme and shorter queries that find points', () => {
    const none = answer('电子证照共享互认平台')
    expect(none.ids).toEqual([])
    expect(none.closestTheme).toBe('dianzizhengzhao')
    expect(none.alternatives.map(a => a.q)).toContain('电子证照')
    expect(none.alternatives.every(a => a.count > 0)).toBe(true)
    expect(answer('qqqq').closestTheme).toBeNull()
  })
})

describe('highlight pieces', () => {
  it('marks the spans', () => {
    expect(splitBySpans('扩大电子证照应用', [2, 6])).toEqual([
      { text: '扩大', mark: false },
      { text: '电子证照', mark: true },
      { text: '应用', mark: false },
    ])
    expect(splitBySpans('短', [])).toEqual([{ text: '短', mark: false }])
  })

  it('cuts a long body around its first match', () => {
    const body = `${'前'.repeat(40)}电子证照${'后'.repeat(40)}`
    const s = snippet(body, [40, 44], 4, 20)
    expect(s.text).toBe(`…前前前前电子证照${'后'.repeat(12)}…`)
    expect(s.text.slice(s.spans[0], s.spans[1])).toBe('电子证照')
  })
})

describe('search history', () => {
  it('keeps the last searches, newest first, once each, at most ten', () => {
    expect(withQuery(['b', 'a'], ' a ')).toEqual(['a', 'b'])
    expect(withQuery(['a'], '  ')).toEqual(['a'])
    const many = Array.from({ length: 12 }, (_, i) => `q${i}`).reduce<string[]>((list, q) => withQuery(list, q), [])
    expect(many).toHaveLength(10)
    expect(many[0]).toBe('q11')
  })
})
