import type { Diagnostic } from './diagnostics'
import type { FlatText } from './flat-text'
import type { PlanHeading } from './headings'
import { flatten } from './flat-text'
import { findNotices, findPlanHeadings, readNoticeMeta } from './headings'
import { parseChineseNumeral } from './numerals'

export interface RawSection { no: number, title: string }
export interface RawPoint { no: number, sectionNo: number, text: string }

/** One plan as read from one document, before extraction and merging. */
export interface RawPlan {
  title: string
  region: string
  year: number | null
  topic: string
  docNo?: string
  issuedOn?: string
  preamble: string
  sections: RawSection[]
  points: RawPoint[]
  /** True when point numbers restart in every section, so numbers alone don't identify points. */
  numberedPerSection: boolean
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

type MarkerKind = 'section' | 'paren' | 'arabic'
interface Marker { kind: MarkerKind, pos: number, end: number, no: number, lineStart: boolean }

const BEFORE_INLINE_MARKER = /[。；！？）”」\s]/

function findMarkers(flat: FlatText): Marker[] {
  const out: Marker[] = []
  const { text } = flat
  const boundary = (pos: number) => pos === 0 || !!flat.lineStart[pos] || BEFORE_INLINE_MARKER.test(text[pos - 1]!)
  for (const m of text.matchAll(/([一二三四五六七八九十]{1,3})、/g)) {
    const no = parseChineseNumeral(m[1]!)
    if (no && boundary(m.index) && !flat.inBook[m.index])
      out.push({ kind: 'section', pos: m.index, end: m.index + m[0].length, no, lineStart: !!flat.lineStart[m.index] })
  }
  for (const m of text.matchAll(/（([一二三四五六七八九十]{1,3})）/g)) {
    const no = parseChineseNumeral(m[1]!)
    if (no && !flat.inBook[m.index])
      out.push({ kind: 'paren', pos: m.index, end: m.index + m[0].length, no, lineStart: !!flat.lineStart[m.index] })
  }
  for (const m of text.matchAll(/(\d{1,3})[.、](?![\d.])/g)) {
    const no = Number(m[1])
    if (no > 0 && boundary(m.index) && !flat.inBook[m.index])
      out.push({ kind: 'arabic', pos: m.index, end: m.index + m[0].length, no, lineStart: !!flat.lineStart[m.index] })
  }
  return out.sort((a, b) => a.pos - b.pos)
}

interface Cut { pos: number, kind: 'title' | 'notice' | 'attachment' | 'marker', heading?: PlanHeading, announced?: string[], marker?: Marker }

/** Splits a normalized document into plans → sections → numbered points, whether markers start lines or run inline. */
export function segmentDocument(normalized: string, source?: string): SegmentResult {
  const flat = flatten(normalized)
  const { text } = flat
  const diagnostics: Diagnostic[] = []
  const cuts: Cut[] = [
    ...findPlanHeadings(flat).map(h => ({ pos: h.start, kind: 'title' as const, heading: h })),
    ...findNotices(flat).map(n => ({ pos: n.start, kind: 'notice' as const, announced: n.announced })),
    ...[...text.matchAll(/附件[：:]/g)].filter(m => flat.lineStart[m.index] || /[。）]/.test(text[m.index - 1] ?? '')).map(m => ({ pos: m.index, kind: 'attachment' as const })),
    ...findMarkers(flat).map(m => ({ pos: m.pos, kind: 'marker' as const, marker: m })),
  ].sort((a, b) => a.pos - b.pos || order(a) - order(b))

  const plans: RawPlan[] = []
  const seenTitles = new Set<string>()
  // Notice metadata (文号, date) is read once per notice and shared by the plans it announces.
  let metaFrom = 0
  let noticeAt = 0
  let meta: { docNo?: string, issuedOn?: string } | null = null
  let noticeKey = ''
  let firstHeading = -1
  let cur: { plan: RawPlan, style: MarkerKind | null, open: { kind: 'preamble' | 'section' | 'point', from: number } } | null = null

  const closeOpen = (at: number) => {
    if (!cur)
      return
    const chunk = text.slice(cur.open.from, at).trim()
    const { plan } = cur
    if (cur.open.kind === 'preamble')
      plan.preamble = chunk
    else if (cur.open.kind === 'section')
      plan.sections.at(-1)!.title = sectionTitle(flat, cur.open.from, at)
    else
      plan.points.at(-1)!.text = chunk
  }
  const closePlan = (at: number) => {
    closeOpen(at)
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
        plan: { title: h.title, region: h.region, year: h.year, topic: h.topic, ...meta, preamble: '', sections: [], points: [], numberedPerSection: false, anomalies: 0 },
        style: null,
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
      if (cur && cur.plan.points.length > 0) {
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

  function acceptMarker(state: NonNullable<typeof cur>, m: Marker) {
    const { plan } = state
    const sectionNo = plan.sections.at(-1)?.no ?? 0
    if (m.kind === 'section') {
      const gap = m.no - sectionNo
      if (gap === 1 || (gap === 2 && m.lineStart)) {
        if (gap === 2)
          plan.anomalies++
        closeOpen(m.pos)
        plan.sections.push({ no: m.no, title: '' })
        state.open = { kind: 'section', from: m.end }
      }
      return
    }
    if (state.style && state.style !== m.kind)
      return
    const last = plan.points.at(-1)
    const lastNo = last?.no ?? 0
    const justOpenedSection = state.open.kind === 'section' && (last?.sectionNo ?? 0) !== sectionNo
    let ok = m.no === lastNo + 1
    if (!ok && m.no === 1 && justOpenedSection && lastNo > 0) {
      ok = true
      plan.numberedPerSection = true
    }
    if (!ok && m.no > lastNo + 1 && m.no <= lastNo + 3 && m.lineStart) {
      ok = true
      plan.anomalies++
      diagnostics.push({ level: 'warning', code: 'numbering-gap', message: `${plan.title}: point numbers jump from ${lastNo} to ${m.no}`, source })
    }
    // Arabic numbers also appear in running text; before any section they only count at a line start.
    if (ok && m.kind === 'arabic' && !state.style && !m.lineStart && sectionNo === 0)
      ok = false
    if (!ok)
      return
    state.style = m.kind
    closeOpen(m.pos)
    plan.points.push({ no: m.no, sectionNo: Math.max(sectionNo, 1), text: '' })
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
