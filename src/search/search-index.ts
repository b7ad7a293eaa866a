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

/** Builds the index; `initialsOf` is optional so callers without pinyin still get character search. */
export function buildSearchIndex(docs: Iterable<SearchDoc>, initialsOf?: InitialsFn): SearchIndex {
  const entries: Entry[] = []
  for (const d of docs) {
    const title = normalizeForSearch(d.title)
    const units = normalizeForSearch([...d.leadUnits, ...d.partnerUnits].join(' '))
    entries.push({
      id: d.id,
      title,
      units,
      body: normalizeForSearch(d.body),
      titleInitials: initialsOf ? prepareInitials(initialsOf(title)) : NO_INITIALS,
      unitsInitials: initialsOf ? prepareInitials(initialsOf(units)) : NO_INITIALS,
    })
  }

  return {
    size: entries.length,
    query(q, limit = Number.POSITIVE_INFINITY) {
      const terms = queryTerms(q).map(term => ({ term, initials: INITIALS_TERM.test(term) }))
      if (terms.length === 0)
        return []
      const hits: { i: number, score: number }[] = []
      entries.forEach((e, i) => {
        let total = 0
        for (const { term, initials } of terms) {
          const s = termScore(e, term, initials)
          if (s === 0)
            return // every term must match
          total += s
        }
        hits.push({ i, score: total })
      })
      hits.sort((a, b) => b.score - a.score || a.i - b.i)
      return hits.slice(0, limit).map(h => entries[h.i]!.id)
    },
  }
}
