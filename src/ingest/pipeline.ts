import type { Plan, PlanData, Theme } from '../domain/plan'
import type { Diagnostic } from './diagnostics'
import type { DocumentExtras, DocumentPlan, MergedPlan } from './merge'
import type { NormalizeRepairs } from './normalize'
import { classifyPlans, loadTaxonomy } from './classify'
import { decodeDocument } from './decode'
import { extractPoint } from './extract'
import { dropRepeatedFragments } from './fragments'
import { mergePlans } from './merge'
import { normalizeText } from './normalize'
import { contentHash, levelFor, planIdFor } from './plan-id'
import { relatePlans } from './relate'
import { segmentDocument } from './segment'

/** One input document, as raw bytes (any supported encoding). */
export interface SourceFile {
  name: string
  bytes: Uint8Array
}

export interface IngestResult {
  data: PlanData
  diagnostics: Diagnostic[]
}

/** How much repair a document needed per thousand characters: the merge trusts cleaner documents first. */
function documentNoise(repairs: NormalizeRepairs, length: number): number {
  const weighted = repairs.pageMarkers * 2 + repairs.brokenLines + repairs.halfWidthPunctuation * 0.2 + repairs.traditionalChars * 0.05
  return weighted / Math.max(1, length / 1000)
}

/** Reads one document into per-plan readings, reporting what it could not read. */
function readDocument(file: SourceFile, diagnostics: Diagnostic[]): { plans: DocumentPlan[], extras: DocumentExtras } | null {
  const source = file.name
  const decoded = decodeDocument(file.bytes, source)
  diagnostics.push(...decoded.diagnostics)
  if (decoded.text === null)
    return null
  const normalized = normalizeText(decoded.text)
  if (normalized.repairs.traditionalChars > 0)
    diagnostics.push({ level: 'info', code: 'traditional', source, message: `converted ${normalized.repairs.traditionalChars} Traditional characters to Simplified` })
  const segmented = segmentDocument(normalized.text, source)
  diagnostics.push(...segmented.diagnostics)
  const base = documentNoise(normalized.repairs, normalized.text.length)
  const plans: DocumentPlan[] = []
  for (const raw of segmented.plans) {
    if (raw.points.length === 0) {
      diagnostics.push({ level: 'warning', code: 'no-points', source, message: `${raw.title}: heading found but no numbered points` })
      continue
    }
    // Only a document that already repeated its own header (a scrape) gets de-duplicated: clean documents may
    // legitimately say the same sentence twice.
    if (raw.anomalies > 0) {
      const dropped = dropRepeatedFragments(raw, segmented.noticeText)
      if (dropped > 0)
        diagnostics.push({ level: 'warning', code: 'repeated-fragments', source, message: `${raw.title}: dropped ${dropped} repeated fragment(s) of a scraped page` })
    }
    const numbers = raw.points.map(p => p.no)
    if (!raw.numberedPerSection && numbers.some((n, i) => n !== i + 1))
      diagnostics.push({ level: 'warning', code: 'numbering-gap', source, message: `${raw.title}: point numbers are not continuous (${numbers.join(', ')})` })
    const points = raw.points.map(p => extractPoint(p, raw.year, d => diagnostics.push({ ...d, source, message: `${raw.title} ${d.message}` })))
    const seen = new Set<string>()
    for (const p of points) {
      const key = raw.numberedPerSection ? `${p.sectionNo}:${p.no}` : String(p.no)
      if (seen.has(key))
        diagnostics.push({ level: 'warning', code: 'duplicate-number', source, message: `${raw.title}: point ${p.no} appears twice` })
      seen.add(key)
    }
    const unassigned = points.filter(p => p.responsibility === '').map(p => p.no)
    if (unassigned.length > 0)
      diagnostics.push({ level: 'info', code: 'no-responsibility', source, message: `${raw.title}: ${unassigned.length} point(s) name no responsible unit: ${unassigned.join(', ')}` })
    plans.push({ ...raw, source, noise: base + raw.anomalies * 5, points })
  }
  if (plans.length === 0)
    diagnostics.push({ level: 'error', code: 'no-plans', source, message: 'no work-point plan found: no heading such as “XX市2023年…工作要点” followed by numbered points （一） or 1.' })
  const announcedTitles = [...segmented.noticeText.matchAll(/《([^《》]+)》/g)].map(m => m[1]!)
  return { plans, extras: { source, announcedTitles, flatText: segmented.flatText } }
}

/** Gives merged plans their stable ids; two plans whose slugs collide keep them apart with a suffix. */
function toPlans(merged: MergedPlan[], themes: Theme[]): Plan[] {
  const used = new Set<string>()
  const fallbackTheme = themes[0]?.id ?? 'general'
  return merged.map((m) => {
    let id = planIdFor(m.region, m.year, m.topic)
    for (let n = 2; used.has(id); n++)
      id = `${planIdFor(m.region, m.year, m.topic)}-${n}`
    used.add(id)
    const sections = m.sections.map(s => ({
      no: s.no,
      title: s.title,
      points: m.points.filter(p => p.sectionNo === s.no).map(({ sectionNo: _s, ...p }) => ({
        ...p,
        id: m.numberedPerSection ? `${id}-${s.no}-${p.no}` : `${id}-${p.no}`,
        themes: [fallbackTheme],
        related: [],
      })),
    }))
    return {
      id,
      title: m.title,
      region: m.region,
      level: levelFor(m.region),
      year: m.year,
      ...(m.docNo ? { docNo: m.docNo } : {}),
      ...(m.issuedOn ? { issuedOn: m.issuedOn } : {}),
      sources: m.sources,
      sections,
    }
  })
}

/** Runs the whole pipeline over a set of documents read together (the same plan in several documents merges). */
export function ingest(files: SourceFile[], options: { themes?: Theme[] } = {}): IngestResult {
  const diagnostics: Diagnostic[] = []
  const themes = options.themes ?? loadTaxonomy()
  const readings: DocumentPlan[] = []
  const extras: DocumentExtras[] = []
  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    const doc = readDocument(file, diagnostics)
    if (doc) {
      readings.push(...doc.plans)
      extras.push(doc.extras)
    }
  }
  const plans = relatePlans(classifyPlans(toPlans(mergePlans(readings, extras, diagnostics), themes), themes))
  const version = contentHash(JSON.stringify({ plans, themes }))
  return { data: { version, plans, themes }, diagnostics }
}
