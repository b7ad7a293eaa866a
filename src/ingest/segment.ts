import type { PlanLevel } from '../domain/plan'
import type { Diagnostic } from './diagnostics'
import type { FlatText } from './flat-text'
import type { PlanHeading } from './headings'
import type { Marker, MarkerKind } from './markers'
import type { OpenPoint } from './nesting'
import { flatten } from './flat-text'
import { findNotices, findPlanHeadings, readNoticeMeta } from './headings'
import { findMarkers } from './markers'
import { settleNesting } from './nesting'
import { untitledHeading } from './untitled'

export interface RawSection { no: number, title: string }
export interface RawPoint {
  no: number
  sectionNo: number
  /** Nested layouts: the number of the （一） group the item stands under (0 for a point outside any group). */
  groupNo?: number
  /** Nested layouts: the group heading, without its number. */
  group?: string
  text: string
}

/** How point numbers identify points: across the plan, within each section, or within each group. */
export type Numbering = 'plan' | 'section' | 'group'

/** One plan as read from one document, before extraction and merging. */
export interface RawPlan {
  title: string
  region: string
  level: PlanLevel
  year: number | null
  topic: string
  docNo?: string
  issuedOn?: string
  preamble: string
  sections: RawSection[]
  points: RawPoint[]
  numbering: Numbering
  /** Numbering gaps, repeated headings and the like: a measure of how much this reading can be trusted. */
  anomalies: number
}

export interface SegmentResult {
  plans: RawPlan[]
  /** Text before the first plan heading (notices), kept for de-duplicating scraped fragments. */
  noticeText: string
  /** The document joined into one string (what the merge searches for plans whose heading was lost). */
  flatText: string
  diagnostics: Diagnostic[]
}

interface Cut { pos: number, kind: 'title' | 'notice' | 'attachment' | 'marker', heading?: PlanHeading, announced?: string[], marker?: Marker }

interface PlanState {
  plan: RawPlan
  points: OpenPoint[]
  /** The kind that numbers points, fixed by the first point; the kind that numbers items under them, if any. */
  style: MarkerKind | null
  childStyle: MarkerKind | null
  lastChildNo: number
  open: { kind: 'preamble' | 'section' | 'point' | 'child', from: number }
}

/**
 * Splits a normalized document into plans → sections → numbered points, whether markers start lines or run inline.
 * Items numbered under a point (1. under （一）) are kept apart until the plan is read whole: nesting.ts decides
 * whether they are the plan's points (nested layouts) or just a list inside a point.
 */
export function segmentDocument(normalized: string, source?: string): SegmentResult {
  const flat = flatten(normalized)
  const { text } = flat
  const diagnostics: Diagnostic[] = []
  const markers = findMarkers(flat)
  const headings = findPlanHeadings(flat)
  if (headings.length === 0) {
    // No title the reader knows: the plan still comes out, titled from its first line or the file name.
    const fallback = untitledHeading(flat, markers, source)
    if (fallback) {
      headings.push(fallback.heading)
      diagnostics.push(fallback.diagnostic)
    }
  }
  const cuts: Cut[] = [
    ...headings.map(h => ({ pos: h.start, kind: 'title' as const, heading: h })),
    ...findNotices(flat).map(n => ({ pos: n.start, kind: 'notice' as const, announced: n.announced })),
    ...[...text.matchAll(/附件[：:]/g)].filter(m => flat.lineStart[m.index] || /[。）]/.test(text[m.index - 1] ?? '')).map(m => ({ pos: m.index, kind: 'attachment' as const })),
    ...markers.map(m => ({ pos: m.pos, kind: 'marker' as const, marker: m })),
  ].sort((a, b) => a.pos - b.pos || order(a) - order(b))

  const plans: RawPlan[] = []
  const seenTitles = new Set<string>()
  // Notice metadata (文号, date) is read once per notice and shared by the plans it announces.
  let metaFrom = 0
  let noticeAt = 0
  let meta: { docNo?: string, issuedOn?: string } | null = null
  let noticeKey = ''
  let firstHeading = -1
  let cur: PlanState | null = null

  const closeOpen = (at: number) => {
    if (!cur)
      return
    const chunk = text.slice(cur.open.from, at).trim()
    const { plan } = cur
    const point = cur.points.at(-1)
    if (cur.open.kind === 'preamble')
      plan.preamble = chunk
    else if (cur.open.kind === 'section')
      plan.sections.at(-1)!.title = sectionTitle(flat, cur.open.from, at)
    else if (cur.open.kind === 'point')
      point!.text = chunk
    else
      point!.children.at(-1)!.text = chunk
    if (point && cur.open.kind !== 'preamble' && cur.open.kind !== 'section')
      point.end = at
  }
  const closePlan = (at: number) => {
    closeOpen(at)
    if (cur)
      settleNesting(cur.plan, cur.points, text)
    cur = null
  }

  for (const cut of cuts) {
    if (cut.kind === 'title') {
      const h = cut.heading!
      if (seenTitles.has(h.title)) {
        // A scraped page repeats its own heading inside the text: noise, not a new plan.
        if (cur)
          cur.plan.anomalies++
        continue
      }
      closePlan(cut.pos)
      seenTitles.add(h.title)
      if (firstHeading < 0)
        firstHeading = h.start
      meta ??= readNoticeMeta(text.slice(metaFrom, h.start), noticeAt - metaFrom)
      cur = {
        plan: { title: h.title, region: h.region, level: h.level, year: h.year, topic: h.topic, ...meta, preamble: '', sections: [], points: [], numbering: 'plan', anomalies: 0 },
        points: [],
        style: null,
        childStyle: null,
        lastChildNo: 0,
        open: { kind: 'preamble', from: h.end },
      }
      plans.push(cur.plan)
      continue
    }
    if (cut.kind === 'notice') {
      // A notice announcing the same plans as the one being read is a scraped copy of the page header.
      const key = cut.announced!.join('|')
      if (key === '' || key !== noticeKey) {
        noticeKey = key
        if (plans.length > 0)
          metaFrom = cut.pos
        closePlan(cut.pos)
        noticeAt = cut.pos
        meta = null
      }
      else if (cur) {
        cur.plan.anomalies++
      }
      continue
    }
    if (cut.kind === 'attachment') {
      if (cur && cur.points.length > 0) {
        closePlan(cut.pos)
        metaFrom = cut.pos
        meta = null
      }
      continue
    }
    if (cur)
      acceptMarker(cur, cut.marker!)
  }
  closePlan(text.length)

  function acceptSection(state: PlanState, m: Marker) {
    const { plan } = state
    const sectionNo = plan.sections.at(-1)?.no ?? 0
    const gap = m.no - sectionNo
    // After a character (a flattened line), only the next section of a run already going is believed.
    if ((m.weak && (gap !== 1 || sectionNo === 0 || state.points.length === 0)) || !(gap === 1 || (gap === 2 && m.lineStart)))
      return
    if (gap === 2)
      plan.anomalies++
    closeOpen(m.pos)
    plan.sections.push({ no: m.no, title: '' })
    state.open = { kind: 'section', from: m.end }
  }

  /** An item numbered inside the current point (1. under （一）), in a run of its own. */
  function acceptChild(state: PlanState, m: Marker): boolean {
    const point = state.points.at(-1)
    if (!point || state.open.kind === 'section' || state.open.kind === 'preamble' || (state.childStyle && state.childStyle !== m.kind))
      return false
    const last = point.children.at(-1)
    const first = !last && (m.no === 1 || m.no === state.lastChildNo + 1)
    if (!first && m.no !== (last?.no ?? -1) + 1)
      return false
    // After a character (a flattened line), a first item is believed only right behind a short heading.
    if (m.weak && first && (text.slice(point.from, m.pos).length > 40 || /[。；]/.test(text.slice(point.from, m.pos))))
      return false
    state.childStyle = m.kind
    closeOpen(m.pos)
    point.children.push({ no: m.no, pos: m.pos, text: '' })
    state.lastChildNo = m.no
    state.open = { kind: 'child', from: m.end }
    return true
  }

  function acceptMarker(state: PlanState, m: Marker) {
    const { plan } = state
    if (m.kind === 'section')
      return acceptSection(state, m)
    if (state.style && state.style !== m.kind) {
      acceptChild(state, m)
      return
    }
    const sectionNo = plan.sections.at(-1)?.no ?? 0
    const last = state.points.at(-1)
    const lastNo = last?.no ?? 0
    // After a character (a flattened line), only the next number of a run already going is believed.
    // A first point may follow a section heading directly, when the heading is short and no sentence.
    const afterHeading = state.open.kind === 'section' && m.pos - state.open.from <= 40 && !/[。；]/.test(text.slice(state.open.from, m.pos))
    if (m.weak && !(state.style === m.kind && m.no === lastNo + 1 && m.pos - (last?.from ?? 0) >= 8) && !(afterHeading && (m.no === 1 || m.no === lastNo + 1)))
      return
    const justOpenedSection = state.open.kind === 'section' && (last?.sectionNo ?? 0) !== sectionNo
    let ok = m.no === lastNo + 1
    if (!ok && m.no === 1 && justOpenedSection && lastNo > 0) {
      ok = true
      plan.numbering = 'section'
    }
    if (!ok && m.no > lastNo + 1 && m.no <= lastNo + 3 && m.lineStart) {
      ok = true
      plan.anomalies++
      diagnostics.push({ level: 'warning', code: 'numbering-gap', message: `${plan.title}: point numbers jump from ${lastNo} to ${m.no}`, zh: `${plan.title}：要点编号从第 ${lastNo} 条跳到第 ${m.no} 条`, source })
    }
    // Arabic numbers also appear in running text; before any section they only count at a line start or right
    // after a sentence ends (a flattened page).
    if (ok && m.kind === 'arabic' && !state.style && !m.lineStart && sectionNo === 0 && !/[。；：！？]/.test(text[m.pos - 1] ?? ''))
      ok = false
    if (!ok)
      return
    state.style = m.kind
    closeOpen(m.pos)
    state.points.push({ no: m.no, sectionNo: Math.max(sectionNo, 1), from: m.end, end: m.end, text: '', children: [] })
    state.open = { kind: 'point', from: m.end }
  }

  return { plans, noticeText: text.slice(0, firstHeading < 0 ? 0 : firstHeading), flatText: text, diagnostics }
}

function order(c: Cut): number {
  return c.kind === 'notice' ? 0 : c.kind === 'title' ? 1 : c.kind === 'attachment' ? 2 : 3
}

/** A section heading runs to its first point; when the section has prose instead, to its first line break or sentence end. */
function sectionTitle(flat: FlatText, from: number, to: number): string {
  const span = flat.text.slice(from, to)
  if (!/[。；]/.test(span))
    return span.trim()
  for (let i = from + 1; i < to; i++) {
    if (flat.lineStart[i])
      return flat.text.slice(from, i).trim()
  }
  return span.slice(0, span.search(/[。；]/)).trim()
}
