import { bigramCodes, BigramPostings, FirstCharPostings, initialsBigramCodes } from './search-postings'

/**
 * A pure in-memory search index over work points: characters anywhere in the title, body
 * and units, plus pinyin initials of title and units ("yjs" → 一件事…). No DOM and no
 * Dexie, so it can be built inside a Web Worker.
 */

export interface SearchDoc {
  id: string
  title: string
  body: string
  leadUnits: string[]
  partnerUnits: string[]
}

/**
 * Pinyin initials of a text, one per character: `primary` for the usual reading, `alt` for
 * another reading of a polyphone (长 c/z) or the same letter; non-Han characters pass through.
 */
export interface Initials {
  primary: string
  alt: string
}

export type InitialsFn = (text: string) => Initials

export interface SearchIndex {
  readonly size: number
  /** Ids of matching docs, best first: title hits, then units, then body; ties keep input order. */
  query: (q: string, limit?: number) => string[]
}

/** Initials prepared for matching: `alt` is kept only when some character has a second reading. */
interface PreparedInitials {
  primary: string
  alt: string | null
}

interface Entry {
  id: string
  title: string
  units: string
  body: string
  titleInitials: PreparedInitials
  unitsInitials: PreparedInitials
}

const NO_INITIALS: PreparedInitials = { primary: '', alt: null }

function prepareInitials({ primary, alt }: Initials): PreparedInitials {
  return { primary, alt: primary === alt || primary.length !== alt.length ? null : alt }
}

function matchesAt(primary: string, alt: string, term: string, i: number): boolean {
  for (let k = 0; k < term.length; k++) {
    const c = term.charCodeAt(k)
    if (primary.charCodeAt(i + k) !== c && alt.charCodeAt(i + k) !== c)
      return false
  }
  return true
}

/** Position of `term` in the initials, letting each character match either reading; -1 if absent. */
function matchInitials({ primary, alt }: PreparedInitials, term: string): number {
  const direct = primary.indexOf(term)
  if (direct === 0 || alt === null)
    return direct
  const first = term.charCodeAt(0)
  for (let i = 0; i + term.length <= primary.length; i++) {
    if ((primary.charCodeAt(i) === first || alt.charCodeAt(i) === first) && matchesAt(primary, alt, term, i))
      return i
  }
  return -1
}

/** First position where every letter of `term` matches either reading, or -1. */
export function initialsIndexOf(initials: Initials, term: string): number {
  return matchInitials(prepareInitials(initials), term)
}

const SCORE = { titleStart: 120, title: 100, titleInitialsStart: 90, titleInitials: 80, units: 50, unitsInitials: 30, body: 20 } as const

/** Full-width forms, ideographic space, circled and parenthesised numbers, CJK compatibility. */
const COMPAT_FORMS = /[\u2460-\u24FF\u3000\u3200-\u33FF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/

/** Folds full-width forms and case so 'ＡＢＣ１' finds 'abc1'. */
export function normalizeForSearch(text: string): string {
  // NFKC is slow on long text; only run it where compatibility forms can occur.
  return (COMPAT_FORMS.test(text) ? text.normalize('NFKC') : text).toLowerCase()
}

/** Splits a query into terms; whitespace and common separators separate terms. */
export function queryTerms(q: string): string[] {
  return normalizeForSearch(q).split(/[\s,，、;；]+/).filter(t => t.length > 0)
}

const INITIALS_TERM = /^\d*[a-z][\da-z]*$/

function termScore(e: Entry, term: string, initials: boolean): number {
  let score = 0
  const at = e.title.indexOf(term)
  if (at === 0)
    score = SCORE.titleStart
  else if (at > 0)
    score = SCORE.title
  else if (e.units.includes(term))
    score = SCORE.units
  else if (e.body.includes(term))
    score = SCORE.body
  if (initials && score < SCORE.titleInitials) {
    const initialsAt = matchInitials(e.titleInitials, term)
    if (initialsAt === 0)
      score = SCORE.titleInitialsStart
    else if (initialsAt > 0)
      score = SCORE.titleInitials
    else if (score < SCORE.unitsInitials && matchInitials(e.unitsInitials, term) >= 0)
      score = SCORE.unitsInitials
  }
  return score
}

const INITIALS_TIERS = new Set<number>([SCORE.titleInitialsStart, SCORE.titleInitials, SCORE.unitsInitials])

interface Tier {
  score: number
  /** Candidate docs (a superset), or null for all docs. */
  candidates: (term: string) => Int32Array | null
  /** The exact test for this tier. */
  matches: (e: Entry, term: string) => boolean
}

/** Builds the index; `initialsOf` is optional so callers without pinyin still get character search. */
export function buildSearchIndex(docs: Iterable<SearchDoc>, initialsOf?: InitialsFn): SearchIndex {
  const entries: Entry[] = []
  const titles = new BigramPostings()
  const units = new BigramPostings()
  const bodies = new BigramPostings()
  const titleInitials = new BigramPostings()
  const unitsInitials = new BigramPostings()
  const titleStarts = new FirstCharPostings()
  const titleInitialsStarts = new FirstCharPostings()
  for (const d of docs) {
    const title = normalizeForSearch(d.title)
    const unitText = normalizeForSearch([...d.leadUnits, ...d.partnerUnits].join(' '))
    const e: Entry = {
      id: d.id,
      title,
      units: unitText,
      body: normalizeForSearch(d.body),
      titleInitials: initialsOf ? prepareInitials(initialsOf(title)) : NO_INITIALS,
      unitsInitials: initialsOf ? prepareInitials(initialsOf(unitText)) : NO_INITIALS,
    }
    const i = entries.push(e) - 1
    titles.add(i, bigramCodes(e.title))
    units.add(i, bigramCodes(e.units))
    bodies.add(i, bigramCodes(e.body))
    titleInitials.add(i, initialsBigramCodes(e.titleInitials.primary, e.titleInitials.alt))
    unitsInitials.add(i, initialsBigramCodes(e.unitsInitials.primary, e.unitsInitials.alt))
    titleStarts.add(i, e.title)
    titleInitialsStarts.add(i, e.titleInitials.primary, e.titleInitials.alt)
  }
  for (const postings of [titles, units, bodies, titleInitials, unitsInitials])
    postings.seal()
  const scratch = new Uint16Array(entries.length)
  const by = (postings: BigramPostings) => (term: string) => postings.candidates(bigramCodes(term), scratch)

  // A doc ranks by its best tier; tiers run best first, so a query with a limit stops as soon as it is full.
  const tiers: Tier[] = [
    { score: SCORE.titleStart, candidates: t => titleStarts.candidates(t), matches: (e, t) => e.title.startsWith(t) },
    { score: SCORE.title, candidates: by(titles), matches: (e, t) => e.title.includes(t) },
    { score: SCORE.titleInitialsStart, candidates: t => titleInitialsStarts.candidates(t), matches: (e, t) => matchInitials(e.titleInitials, t) === 0 },
    { score: SCORE.titleInitials, candidates: by(titleInitials), matches: (e, t) => matchInitials(e.titleInitials, t) > 0 },
    { score: SCORE.units, candidates: by(units), matches: (e, t) => e.units.includes(t) },
    { score: SCORE.unitsInitials, candidates: by(unitsInitials), matches: (e, t) => matchInitials(e.unitsInitials, t) >= 0 },
    { score: SCORE.body, candidates: by(bodies), matches: (e, t) => e.body.includes(t) },
  ]

  function singleTerm(term: string, initials: boolean, limit: number): string[] {
    const out: string[] = []
    const taken = new Uint8Array(entries.length)
    for (const tier of tiers) {
      if (!initials && INITIALS_TIERS.has(tier.score))
        continue
      const candidates = tier.candidates(term)
      const count = candidates ? candidates.length : entries.length
      for (let k = 0; k < count && out.length < limit; k++) {
        const i = candidates ? candidates[k]! : k
        if (!taken[i] && tier.matches(entries[i]!, term)) {
          taken[i] = 1
          out.push(entries[i]!.id)
        }
      }
      if (out.length >= limit)
        break
    }
    return out
  }

  /** Several terms: candidates must hold every term somewhere; then the exact scores decide the order. */
  function manyTerms(terms: { term: string, initials: boolean }[], limit: number): string[] {
    // marks[i] counts the terms doc i may hold so far; only docs that held all earlier terms move on.
    const marks = new Uint8Array(entries.length)
    terms.forEach(({ term, initials }, t) => {
      for (const tier of tiers) {
        if (!initials && INITIALS_TIERS.has(tier.score))
          continue
        const list = tier.candidates(term)
        const count = list ? list.length : entries.length
        for (let k = 0; k < count; k++) {
          const i = list ? list[k]! : k
          if (marks[i] === t)
            marks[i] = t + 1
        }
      }
    })
    const hits: { i: number, score: number }[] = []
    for (let i = 0; i < entries.length; i++) {
      if (marks[i] !== terms.length)
        continue
      let total = 0
      for (const { term, initials } of terms) {
        const s = termScore(entries[i]!, term, initials)
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
    return hits.slice(0, limit).map(h => entries[h.i]!.id)
  }

  return {
    size: entries.length,
    query(q, limit = Number.POSITIVE_INFINITY) {
      const terms = queryTerms(q).map(term => ({ term, initials: INITIALS_TERM.test(term) }))
      if (terms.length === 0 || limit <= 0)
        return []
      return terms.length === 1 ? singleTerm(terms[0]!.term, terms[0]!.initials, limit) : manyTerms(terms, limit)
    },
  }
}
