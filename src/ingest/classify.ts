import type { Plan, Theme } from '../domain/plan'
import { ThemeSchema } from '../domain/plan'
import { z } from '../domain/zod'
import { textSimilarity } from './similarity'
import themesJson from './themes.json'

/** The catch-all theme used when a point matches nothing at all. */
export const GENERAL_THEME_ID = 'baozhang'

/** A point gets at most this many themes. */
export const MAX_THEMES_PER_POINT = 3

// A title names what the point is about; the body mentions neighbouring topics in passing.
const TITLE_WEIGHT = 3
// Repeating a keyword adds less and less; a long body must not outvote a short title.
const MAX_TITLE_HITS = 2
const MAX_BODY_HITS = 3
// Secondary themes must be real matches, not one stray word in a long body.
const MIN_SECONDARY_SCORE = 2.5
const MIN_SECONDARY_RATIO = 0.35
// A point in 岳阳市2023年推进教育数字化工作要点 is about education even where its text only says 网络安全
// once next to 教育: themes named by the plan title get this bonus, but only when the point itself hits them.
const PLAN_TITLE_BONUS = 3

/** What classifyPoint may know about the point's plan. */
export interface ClassifyContext {
  planTitle?: string
}

const TaxonomySchema = z.array(ThemeSchema).min(1).superRefine((themes, ctx) => {
  const seen = new Set<string>()
  for (const t of themes) {
    if (seen.has(t.id))
      ctx.addIssue({ code: 'custom', message: `duplicate theme id "${t.id}"` })
    seen.add(t.id)
  }
})

/** The theme taxonomy from themes.json, validated against ThemeSchema (ids unique). */
export function loadTaxonomy(): Theme[] {
  return TaxonomySchema.parse(themesJson)
}

function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

// Longer keywords are more specific: 一件事一次办 says more than 窗口.
function specificity(keyword: string): number {
  return Math.min(1.5, 0.5 + Array.from(keyword).length / 4)
}

/**
 * Counts keyword occurrences, longest keyword first, blanking each hit so that a shorter keyword
 * inside it (公开 in 政务公开) is not counted again.
 */
function keywordHits(text: string, keywords: readonly string[]): Map<string, number> {
  const hits = new Map<string, number>()
  let rest = text
  for (const kw of keywords) {
    let count = 0
    let from = rest.indexOf(kw)
    while (from !== -1) {
      count++
      rest = rest.slice(0, from) + '\u0000'.repeat(kw.length) + rest.slice(from + kw.length)
      from = rest.indexOf(kw, from + kw.length)
    }
    if (count > 0)
      hits.set(kw, count)
  }
  return hits
}

function longestFirst(keywords: readonly string[]): string[] {
  return [...new Set(keywords.map(normalize))].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))
}

interface PreparedTheme {
  id: string
  keywords: string[]
  profile: string
}

function prepare(themes: Theme[]): PreparedTheme[] {
  return themes.map(t => ({ id: t.id, keywords: longestFirst(t.keywords), profile: `${t.name} ${t.keywords.join(' ')}` }))
}

/** Keyword score of one theme for a point: title hits weigh TITLE_WEIGHT times body hits. */
export function themeScore(point: { title: string, body: string }, theme: Pick<Theme, 'keywords'>): number {
  return scoreWith(normalize(point.title), normalize(point.body), longestFirst(theme.keywords))
}

function scoreWith(title: string, body: string, keywords: readonly string[]): number {
  const inTitle = keywordHits(title, keywords)
  const inBody = keywordHits(body, keywords)
  let score = 0
  for (const kw of keywords) {
    const t = Math.min(inTitle.get(kw) ?? 0, MAX_TITLE_HITS)
    const b = Math.min(inBody.get(kw) ?? 0, MAX_BODY_HITS)
    if (t + b > 0)
      score += (TITLE_WEIGHT * t + b) * specificity(kw)
  }
  return score
}

/**
 * 1 to 3 theme ids for a point, best first; never empty (weak bigram match, then the general theme).
 * Title hits weigh more than body hits; the optional plan title nudges ties toward the plan's own subject. Deterministic.
 */
export function classifyPoint(point: { title: string, body: string }, themes: Theme[], context: ClassifyContext = {}): string[] {
  return classifyPrepared(point, prepare(themes), context)
}

function classifyPrepared(point: { title: string, body: string }, prepared: PreparedTheme[], context: ClassifyContext): string[] {
  if (prepared.length === 0)
    throw new Error('classifyPoint needs a non-empty theme taxonomy')
  const title = normalize(point.title)
  const body = normalize(point.body)
  const planTitle = normalize(context.planTitle ?? '')
  // Stable sort keeps taxonomy order among equal scores.
  const ranked = prepared
    .map((t) => {
      const own = scoreWith(title, body, t.keywords)
      const bonus = own > 0 && planTitle && t.keywords.some(kw => planTitle.includes(kw)) ? PLAN_TITLE_BONUS : 0
      return { id: t.id, score: own + bonus }
    })
    .sort((a, b) => b.score - a.score)
  const top = ranked[0]!
  if (top.score > 0) {
    const floor = Math.max(MIN_SECONDARY_SCORE, top.score * MIN_SECONDARY_RATIO)
    const secondary = ranked.slice(1).filter(r => r.score >= floor).slice(0, MAX_THEMES_PER_POINT - 1)
    return [top.id, ...secondary.map(r => r.id)]
  }
  return [weakMatch(`${point.title} ${point.body}`, prepared) ?? (prepared.find(t => t.id === GENERAL_THEME_ID) ?? prepared[0]!).id]
}

// No keyword at all: fall back to the theme whose name and keywords share the most bigrams with the text.
function weakMatch(text: string, prepared: PreparedTheme[]): string | undefined {
  let best: { id: string, score: number } | undefined
  for (const t of prepared) {
    const score = textSimilarity(text, t.profile)
    if (score > 0 && (!best || score > best.score))
      best = { id: t.id, score }
  }
  return best?.id
}

/** Classifies every point of the given plans, returning new plan objects with `themes` filled. */
export function classifyPlans(plans: Plan[], themes: Theme[]): Plan[] {
  const prepared = prepare(themes)
  return plans.map(plan => ({
    ...plan,
    sections: plan.sections.map(section => ({
      ...section,
      points: section.points.map(point => ({ ...point, themes: classifyPrepared(point, prepared, { planTitle: plan.title }) })),
    })),
  }))
}
