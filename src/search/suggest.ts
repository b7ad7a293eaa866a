import type { SearchIndex } from './search-index'
import { queryTerms } from './search-query'

/** What the search page offers beside the results: themes to open, and what to try when nothing is found. */
export interface SearchSuggestions {
  /** Themes whose name or keywords match the query (characters or pinyin), best first. */
  themes: string[]
  /** When nothing is found: the theme nearest to what was typed, or null. */
  closestTheme: string | null
  /** When nothing is found: shorter queries that do find points, with their counts. */
  alternatives: { q: string, count: number }[]
}

const THEME_LIMIT = 3

/** Shorter forms of a query, longest first: each term alone, then the query cut from the end (down to 2 characters). */
function shorterForms(q: string): string[] {
  const terms = queryTerms(q)
  const forms = terms.length > 1 ? [...terms] : []
  const whole = terms.join('')
  for (let n = whole.length - 1; n >= 2; n--)
    forms.push(whole.slice(0, n))
  for (let n = whole.length - 1; n >= 2; n--)
    forms.push(whole.slice(whole.length - n))
  return [...new Set(forms)]
}

/** Suggestions for `q` from the point index and an index of themes (name as title, keywords as body). */
export function suggestFor(q: string, found: number, points: SearchIndex, themes: SearchIndex): SearchSuggestions {
  const direct = themes.query(q, THEME_LIMIT)
  if (found > 0)
    return { themes: direct, closestTheme: null, alternatives: [] }
  const alternatives: { q: string, count: number }[] = []
  let closestTheme: string | null = direct[0] ?? null
  for (const form of shorterForms(q)) {
    if (closestTheme === null)
      closestTheme = themes.query(form, 1)[0] ?? null
    if (alternatives.length < 2) {
      const count = points.query(form, 500).length
      if (count > 0)
        alternatives.push({ q: form, count })
    }
    if (closestTheme !== null && alternatives.length >= 2)
      break
  }
  return { themes: direct, closestTheme, alternatives }
}
