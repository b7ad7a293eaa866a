import type { RawPlan } from './segment'

const BOUNDARY = /[。；！？]|（[一二三四五六七八九十]{1,3}）|(?<=[。；！？）])[一二三四五六七八九十]{1,3}、/g
const BARE_MARKER = /^(?:（[一二三四五六七八九十]{1,3}）|[一二三四五六七八九十]{1,3}、)$/
// Responsibility statements repeat legitimately from point to point, and must never lose half their bracket.
const RESPONSIBILITY = /牵头|负责|责任单位/
const MIN_LENGTH = 10

/** Splits text into sentences, with point and section markers as fragments of their own. */
function fragments(text: string): string[] {
  const out: string[] = []
  let start = 0
  for (const m of text.matchAll(BOUNDARY)) {
    if (/^[。；！？]$/.test(m[0])) {
      out.push(text.slice(start, m.index + 1))
    }
    else {
      if (m.index > start)
        out.push(text.slice(start, m.index))
      out.push(m[0])
    }
    start = m.index + m[0].length
  }
  if (start < text.length)
    out.push(text.slice(start))
  return out
}

const countable = (f: string) => f.length >= MIN_LENGTH && !RESPONSIBILITY.test(f)

/**
 * Drops sentences a scraped page repeated into the text (its header, other points' sentences), keeping each one's
 * first reading within a plan; a marker left bare by a dropped copy goes too. Returns how many it dropped, so the
 * merge can trust this reading less.
 */
export function dropRepeatedFragments(plan: RawPlan, noticeText: string): number {
  const seen = new Set<string>()
  for (const f of [...fragments(noticeText), ...fragments(plan.preamble), ...plan.sections.map(s => s.title)]) {
    if (countable(f))
      seen.add(f)
  }
  let dropped = 0
  for (const point of plan.points) {
    const kept: string[] = []
    fragments(point.text).forEach((f, i) => {
      // A point's own first sentence is its title: keep it even when a scrape repeated it earlier.
      if (i > 0 && countable(f) && seen.has(f)) {
        dropped++
        if (kept.length > 1 && BARE_MARKER.test(kept.at(-1)!))
          kept.pop()
        return
      }
      kept.push(f)
      if (countable(f))
        seen.add(f)
    })
    point.text = kept.join('')
  }
  return dropped
}
