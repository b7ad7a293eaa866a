import type { Numbering, RawPlan, RawPoint } from './segment'
import { findResponsibility } from './responsibility'

/** A point while its plan is read: its span in the flattened text and the items numbered inside it. */
export interface OpenPoint {
  no: number
  sectionNo: number
  /** Offsets in the flattened text: after the point's marker, and where its text (items included) ends. */
  from: number
  end: number
  /** Until children are found, the whole text; with children, the heading before the first one. */
  text: string
  children: { no: number, pos: number, text: string }[]
}

const carries = (text: string) => findResponsibility(text).parts.length > 0

/** A group heading: its first sentence without the closing stop. */
function headingOf(text: string): string {
  const stop = text.search(/[。；]/)
  return (stop >= 0 ? text.slice(0, stop) : text).trim()
}

/**
 * Decides what the numbered items inside points are. In a nested plan (一、 → （一） → 1.) the items carry the
 * responsibility and the points above them are only group headings: the items become the points, each keeping its
 * group heading. Otherwise the items are a list inside their point and go back into its text.
 */
export function settleNesting(plan: RawPlan, points: OpenPoint[], flatText: string): void {
  const parents = points.filter(p => p.children.length > 0)
  const children = parents.flatMap(p => p.children)
  const responsibleChildren = children.filter(c => carries(c.text)).length
  const responsibleHeads = parents.filter(p => carries(p.text)).length
  const shortHeads = parents.filter(p => p.text.length <= 40 && !/[。；]./.test(p.text)).length
  const nested = parents.length > 0 && (
    (responsibleChildren >= children.length / 2 && responsibleHeads < parents.length / 2)
    // A plan that names no units anywhere: short headings over items still read as groups.
    || (responsibleChildren === 0 && responsibleHeads === 0 && points.every(p => !carries(p.text)) && shortHeads >= parents.length * 0.7 && children.length >= 2)
  )
  if (!nested) {
    plan.points = points.map(p => ({ no: p.no, sectionNo: p.sectionNo, text: flatText.slice(p.from, p.end).trim() }))
  }
  else {
    plan.points = points.flatMap<RawPoint>(p => p.children.length === 0
      ? [{ no: p.no, sectionNo: p.sectionNo, groupNo: 0, text: p.text }]
      : p.children.map(c => ({ no: c.no, sectionNo: p.sectionNo, groupNo: p.no, group: headingOf(p.text), text: c.text })))
    plan.numbering = numberingOf(plan.points)
  }
  if (plan.sections.length === 0 && plan.points.length > 0)
    plan.sections.push({ no: 1, title: '' }) // a plan without 一、 parts: one implicit section
}

/** The narrowest scope in which the points' numbers are unique. */
export function numberingOf(points: Array<Pick<RawPoint, 'no' | 'sectionNo'>>): Numbering {
  const unique = (key: (p: Pick<RawPoint, 'no' | 'sectionNo'>) => string) => new Set(points.map(key)).size === points.length
  if (unique(p => String(p.no)))
    return 'plan'
  if (unique(p => `${p.sectionNo}:${p.no}`))
    return 'section'
  return 'group'
}

/** The key that identifies a point within its plan, given the plan's numbering. */
export function pointKey(p: { no: number, sectionNo: number, groupNo?: number }, numbering: Numbering): string {
  return numbering === 'plan' ? String(p.no) : numbering === 'section' ? `${p.sectionNo}:${p.no}` : `${p.sectionNo}:${p.groupNo ?? 0}:${p.no}`
}
