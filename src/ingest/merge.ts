import type { Diagnostic } from './diagnostics'
import type { ExtractedPoint } from './extract'
import type { RawPlan } from './segment'
import { pointKey as keyOf } from './nesting'
import { textSimilarity } from './similarity'

/** One plan as read from one document, with its points extracted. */
export interface DocumentPlan extends Omit<RawPlan, 'points'> {
  source: string
  /** Lower is cleaner: repairs the document needed, plus this reading's own anomalies. */
  noise: number
  points: ExtractedPoint[]
}

/** What a document offers beyond its parsed plans: plans its notice announced but whose headings were lost. */
export interface DocumentExtras {
  source: string
  announcedTitles: string[]
  flatText: string
}

/** A plan read from one or more documents, each point taken from its cleanest reading. */
export interface MergedPlan extends Omit<DocumentPlan, 'source' | 'noise' | 'anomalies'> {
  sources: string[]
}

const TIE = 0.03

/**
 * Picks the reading the others agree with most (the medoid); near-ties go to the cleanest document. A scraped
 * copy with shuffled fragments disagrees with the clean copies and so never wins where they exist.
 */
function pickReading(readings: Array<{ point: ExtractedPoint, noise: number }>): ExtractedPoint {
  if (readings.length === 1)
    return readings[0]!.point
  const texts = readings.map(r => `${r.point.title}${r.point.body}${r.point.responsibility}`)
  const scores = texts.map((t, i) => texts.reduce((sum, other, j) => (i === j ? sum : sum + textSimilarity(t, other)), 0) / (texts.length - 1))
  const best = Math.max(...scores)
  let pick = -1
  for (let i = 0; i < readings.length; i++) {
    if (scores[i]! >= best - TIE && (pick < 0 || readings[i]!.noise < readings[pick]!.noise))
      pick = i
  }
  return readings[pick]!.point
}

/** The identity of a plan across documents: the same heading is the same plan. */
export function planKey(p: { title: string }): string {
  return p.title.replace(/\s/g, '')
}

/** Merges the readings of the same plan from several documents; every source is listed. */
export function mergePlans(readings: DocumentPlan[], extras: DocumentExtras[], diagnostics: Diagnostic[]): MergedPlan[] {
  const groups = new Map<string, DocumentPlan[]>()
  for (const r of readings) {
    const key = planKey(r)
    groups.set(key, [...(groups.get(key) ?? []), r])
  }
  const merged: MergedPlan[] = []
  for (const [key, group] of groups) {
    const byNoise = [...group].sort((a, b) => a.noise - b.noise || a.source.localeCompare(b.source))
    const best = byNoise[0]!
    // Numbers come from readings without anomalies when there are any: a noisy copy must not invent points.
    const trusted = byNoise.filter(r => r.anomalies === 0)
    const numberSources = trusted.length > 0 ? trusted : byNoise
    const numbers = [...new Set(numberSources.flatMap(r => r.points.map(p => pointKey(p, r))))]
    const structure = numberSources[0]!
    const order = new Map(structure.points.map((p, i) => [pointKey(p, structure), i]))
    const points = numbers.map((k) => {
      const candidates = byNoise.flatMap(r => r.points.filter(p => pointKey(p, r) === k).map(point => ({ point, noise: r.noise })))
      const chosen = pickReading(candidates)
      const layout = structure.points.find(p => pointKey(p, structure) === k)
      return layout ? { ...chosen, sectionNo: layout.sectionNo } : chosen
    }).sort((a, b) => a.sectionNo - b.sectionNo || (order.get(pointKey(a, structure)) ?? 1e9) - (order.get(pointKey(b, structure)) ?? 1e9) || a.no - b.no)

    const sources = new Set(group.map(r => r.source))
    for (const extra of extras) {
      if (sources.has(extra.source) || !extra.announcedTitles.some(t => planKey({ title: t }) === key))
        continue
      // The heading was lost (a scrape), but the document announced this plan: count it when its points are there.
      const titled = points.filter(p => p.title.length >= 6)
      const found = titled.filter(p => extra.flatText.includes(p.title)).length
      if (titled.length > 0 && found / titled.length >= 0.3) {
        sources.add(extra.source)
        diagnostics.push({ level: 'warning', code: 'heading-missing', source: extra.source, message: `${best.title}: heading not found, recognised by ${found} of ${titled.length} point titles`, zh: `“${best.title}”的标题缺失，已按 ${found} 条要点的标题认出` })
      }
    }
    const docNo = byNoise.find(r => r.docNo)?.docNo
    const issuedOn = byNoise.find(r => r.issuedOn)?.issuedOn
    merged.push({
      title: best.title,
      region: best.region,
      level: best.level,
      year: best.year,
      topic: best.topic,
      ...(docNo ? { docNo } : {}),
      ...(issuedOn ? { issuedOn } : {}),
      preamble: best.preamble,
      sections: structure.sections,
      numbering: structure.numbering,
      points,
      sources: [...sources].sort(),
    })
  }
  return merged
}

/** Points are matched by number, within the scope where the plan's numbers are unique. */
function pointKey(p: { no: number, sectionNo: number, groupNo?: number }, plan: Pick<RawPlan, 'numbering'>): string {
  return keyOf(p, plan.numbering)
}
