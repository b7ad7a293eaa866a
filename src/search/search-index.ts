import type { PinyinBlock } from './pinyin-data'
import type { PackedPinyin, SyllableTable } from './pinyin-text'
import { NO_PINYIN } from './pinyin-data'
import { initialsCodesInto, pinyinSpans, substringSpans } from './pinyin-text'
import { bigramCodes, bigramCodesInto, BigramPostings, FirstCharPostings, intersectSorted, pairCode, unionSorted } from './search-postings'
import { initialsReadings, isPinyinTerm, normalizeForSearch, queryTerms, termRuns } from './search-query'

export { normalizeForSearch, queryTerms } from './search-query'

/**
 * A pure in-memory search index over work points: characters anywhere in the title, units and body, and pinyin
 * (initials, full syllables, or both mixed with characters) from word starts. No DOM and no Dexie, so it is built
 * inside a Web Worker; the pinyin of the texts is injected (decoded from the plan data), so it holds no dictionary.
 */

/** Where a doc's word pinyin is: row `row` of a shipped block (its plan's, or its theme's). */
export interface PinyinRef {
  block: PinyinBlock
  row: number
}

export interface SearchDoc {
  id: string
  title: string
  body: string
  leadUnits: string[]
  partnerUnits: string[]
  /** False for a 往年 point (its plan was replaced by a newer one of the series); current points rank first. */
  current?: boolean
  pinyin?: PinyinRef
}

export type SearchField = 'title' | 'units' | 'body'
export const SEARCH_FIELDS: readonly SearchField[] = ['title', 'units', 'body']

/** Where a doc matched, as flattened [start, end) pairs in each field (units are joined by a space). */
export interface SearchHit {
  id: string
  title: number[]
  units: number[]
  body: number[]
}

export interface SearchIndex {
  readonly size: number
  /**
   * Ids of matching docs, best first: title hits (the title's start first), then units, then body; current
   * plans before 往年 within a tier; a pinyin term's commonest reading first (yjs: 一件事 before 预决算).
   */
  query: (q: string, limit?: number) => string[]
  /** What matched in each of `ids`, for highlighting. */
  highlight: (q: string, ids: string[]) => SearchHit[]
}

/** The units of a doc as one searchable text; the page joins them the same way to highlight them. */
export function unitsText(doc: Pick<SearchDoc, 'leadUnits' | 'partnerUnits'>): string {
  return [...doc.leadUnits, ...doc.partnerUnits].join(' ')
}

/** The three texts a doc is searched by, normalised, in field order (the shipped pinyin has one row of them). */
export function searchTexts(doc: Pick<SearchDoc, 'title' | 'body' | 'leadUnits' | 'partnerUnits'>): [title: string, units: string, body: string] {
  return [normalizeForSearch(doc.title), normalizeForSearch(unitsText(doc)), normalizeForSearch(doc.body)]
}

/** The texts' pinyin, packed against `table`; `field` is the position in searchTexts. */
export interface PinyinSource {
  table: SyllableTable
  /** Undefined where the doc carries none (data from before pinyin shipped): characters still find it. */
  pack: (doc: SearchDoc, field: number, text: string) => PackedPinyin | undefined
}

export const SCORE = { titleStart: 120, title: 100, units: 50, body: 20 } as const

let codes = new Int32Array(1024)
/** One reused buffer for a text's bigram codes while indexing. */
function codeBuffer(length: number): Int32Array {
  if (codes.length < length)
    codes = new Int32Array(Math.max(length, codes.length * 2))
  return codes
}

class FieldIndex {
  readonly texts: string[] = []
  readonly packed: PackedPinyin[] = []
  readonly chars = new BigramPostings()
  readonly initials = new BigramPostings()

  constructor(private readonly table: SyllableTable | null) {}

  add(i: number, text: string, packed: PackedPinyin | undefined): void {
    this.texts.push(text)
    const codes = codeBuffer(text.length)
    this.chars.add(i, codes, bigramCodesInto(text, codes))
    if (this.table) {
      this.packed.push(packed ?? NO_PINYIN)
      this.initials.add(i, codes, initialsCodesInto(text, packed ?? NO_PINYIN, this.table, pairCode, codes))
    }
  }

  seal(): void {
    this.chars.seal()
    this.initials.seal()
  }

  /** The first span where `term` matches doc `i`, or null. */
  first(i: number, term: string, pinyin: boolean): [number, number] | null {
    const text = this.texts[i]!
    const at = text.indexOf(term)
    if (at >= 0)
      return [at, at + term.length]
    if (!pinyin || !this.table || !this.packed[i])
      return null
    const s = pinyinSpans(term, text, this.packed[i]!, this.table, true)
    return s.length ? [s[0]!, s[1]!] : null
  }

  spans(i: number, term: string, pinyin: boolean): number[] {
    const text = this.texts[i]!
    const out = substringSpans(term, text)
    if (pinyin && this.table && this.packed[i])
      out.push(...pinyinSpans(term, text, this.packed[i]!, this.table))
    return out
  }

  /** A superset of the docs where `term` matches, ascending; null for every doc. */
  candidates(term: string, pinyin: boolean, scratch: Uint16Array): Int32Array | null {
    if (!pinyin)
      return this.chars.candidates(bigramCodes(term), scratch)
    if (!this.table)
      return this.chars.candidates(bigramCodes(term), scratch)
    // A Latin term may also match as plain characters ("app"), so that reading joins the pinyin ones.
    const plain = this.chars.candidates(bigramCodes(term), scratch)
    const runs = termRuns(term)
    let narrowed: Int32Array | null = null
    const narrow = (list: Int32Array) => {
      narrowed = narrowed === null ? list : intersectSorted(narrowed, list)
    }
    for (const han of runs.han) {
      if (han.length > 1)
        narrow(this.chars.candidates(bigramCodes(han), scratch)!)
    }
    for (const { text, last } of runs.latin) {
      const readings = initialsReadings(text, last, this.table)
      if (!readings || readings.some(r => r.length < 2))
        continue
      narrow(unionSorted(readings.map(r => this.initials.candidates(bigramCodes(r), scratch)!)))
    }
    if (narrowed === null || plain === null)
      return null
    return unionSorted([narrowed, plain])
  }
}

/** Builds the index; without `pinyin` only characters are searched. */
export function buildSearchIndex(docs: Iterable<SearchDoc>, pinyin?: PinyinSource): SearchIndex {
  // Current points first, each group in input order: postings are ascending, so every tier lists current plans first for free.
  const all = [...docs]
  const ordered = [...all.filter(d => d.current !== false), ...all.filter(d => d.current === false)]
  const table = pinyin?.table ?? null
  const fields: Record<SearchField, FieldIndex> = { title: new FieldIndex(table), units: new FieldIndex(table), body: new FieldIndex(table) }
  const titleStarts = new FirstCharPostings()
  const ids: string[] = []
  const position = new Map<string, number>()
  ordered.forEach((d, i) => {
    ids.push(d.id)
    position.set(d.id, i)
    const texts = searchTexts(d)
    SEARCH_FIELDS.forEach((f, k) => fields[f].add(i, texts[k]!, pinyin?.pack(d, k, texts[k]!)))
    titleStarts.add(i, texts[0])
  })
  for (const f of SEARCH_FIELDS)
    fields[f].seal()
  const scratch = new Uint16Array(ids.length)
  const every = (list: Int32Array | null) => list ?? Int32Array.from(ids.keys())

  function termScore(i: number, term: string, pinyin: boolean): number {
    const t = fields.title.first(i, term, pinyin)
    if (t)
      return t[0] === 0 ? SCORE.titleStart : SCORE.title
    if (fields.units.first(i, term, pinyin))
      return SCORE.units
    return fields.body.first(i, term, pinyin) ? SCORE.body : 0
  }

  /** Characters: tiers best first, each in doc order, stopping as soon as `limit` is reached. */
  function charsTerm(term: string, limit: number): string[] {
    const out: string[] = []
    const taken = new Uint8Array(ids.length)
    const tiers: [Int32Array, (i: number) => boolean][] = [
      [titleStarts.candidates(term), i => fields.title.texts[i]!.startsWith(term)],
      ...SEARCH_FIELDS.map(f => [every(fields[f].candidates(term, false, scratch)), (i: number) => fields[f].texts[i]!.includes(term)] as [Int32Array, (i: number) => boolean]),
    ]
    for (const [list, matches] of tiers) {
      for (let k = 0; k < list.length && out.length < limit; k++) {
        const i = list[k]!
        if (!taken[i] && matches(i)) {
          taken[i] = 1
          out.push(ids[i]!)
        }
      }
      if (out.length >= limit)
        break
    }
    return out
  }

  /**
   * Pinyin: tiers by field; within one, the commonest matched reading first, then doc order (current first). A
   * tier stops collecting once it can fill the limit, so the readings are counted over the docs taken.
   */
  function pinyinTerm(term: string, limit: number): string[] {
    const out: string[] = []
    const taken = new Uint8Array(ids.length)
    for (const f of SEARCH_FIELDS) {
      const field = fields[f]
      const hits: { i: number, reading: string }[] = []
      const list = every(field.candidates(term, true, scratch))
      for (let k = 0; k < list.length && out.length + hits.length < limit; k++) {
        const i = list[k]!
        if (taken[i])
          continue
        const span = field.first(i, term, true)
        if (span) {
          taken[i] = 1
          hits.push({ i, reading: field.texts[i]!.slice(span[0], span[1]) })
        }
      }
      const counts = new Map<string, number>()
      for (const h of hits)
        counts.set(h.reading, (counts.get(h.reading) ?? 0) + 1)
      hits.sort((a, b) => counts.get(b.reading)! - counts.get(a.reading)! || a.i - b.i)
      for (const h of hits) {
        if (out.length >= limit)
          return out
        out.push(ids[h.i]!)
      }
    }
    return out
  }

  /** Several terms: candidates must hold every term somewhere; then the summed scores decide, doc order breaks ties. */
  function manyTerms(terms: { term: string, pinyin: boolean }[], limit: number): string[] {
    const marks = new Uint8Array(ids.length)
    terms.forEach(({ term, pinyin }, t) => {
      for (const f of SEARCH_FIELDS) {
        const list = every(fields[f].candidates(term, pinyin, scratch))
        for (const i of list) {
          if (marks[i] === t)
            marks[i] = t + 1
        }
      }
    })
    const hits: { i: number, score: number }[] = []
    for (let i = 0; i < ids.length; i++) {
      if (marks[i] !== terms.length)
        continue
      let total = 0
      for (const { term, pinyin } of terms) {
        const s = termScore(i, term, pinyin)
        if (s === 0) {
          total = 0
          break
        }
        total += s
      }
      if (total > 0)
        hits.push({ i, score: total })
    }
    hits.sort((a, b) => b.score - a.score || a.i - b.i)
    return hits.slice(0, limit).map(h => ids[h.i]!)
  }

  const parse = (q: string) => queryTerms(q).map(term => ({ term, pinyin: table !== null && isPinyinTerm(term) }))

  return {
    size: ids.length,
    query(q, limit = Number.POSITIVE_INFINITY) {
      const terms = parse(q)
      if (terms.length === 0 || limit <= 0)
        return []
      if (terms.length > 1)
        return manyTerms(terms, limit)
      return terms[0]!.pinyin ? pinyinTerm(terms[0]!.term, limit) : charsTerm(terms[0]!.term, limit)
    },
    highlight(q, wanted) {
      const terms = parse(q)
      return wanted.flatMap((id) => {
        const i = position.get(id)
        if (i === undefined)
          return []
        const hit: SearchHit = { id, title: [], units: [], body: [] }
        for (const f of SEARCH_FIELDS) {
          for (const { term, pinyin } of terms)
            hit[f].push(...fields[f].spans(i, term, pinyin))
          hit[f] = mergeSpans(hit[f])
        }
        return [hit]
      })
    },
  }
}

/** Sorts [start, end) pairs and joins overlapping ones. */
export function mergeSpans(flat: number[]): number[] {
  const pairs: [number, number][] = []
  for (let k = 0; k + 1 < flat.length; k += 2)
    pairs.push([flat[k]!, flat[k + 1]!])
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const out: number[] = []
  for (const [s, e] of pairs) {
    if (out.length && s <= out[out.length - 1]!)
      out[out.length - 1] = Math.max(out[out.length - 1]!, e)
    else
      out.push(s, e)
  }
  return out
}
