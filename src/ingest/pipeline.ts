import type { Plan, PlanData, PlanOrigin, Theme } from '../domain/plan'
import type { BlockDocument, SourceFile } from './blocks'
import type { Diagnostic } from './diagnostics'
import type { DocumentExtras, DocumentPlan, MergedPlan } from './merge'
import type { NormalizeRepairs } from './normalize'
import { classifyPlans, loadTaxonomy } from './classify'
import { extractPoint } from './extract'
import { readDocumentBlocks } from './formats'
import { dropRepeatedFragments } from './fragments'
import { mergePlans } from './merge'
import { pointKey } from './nesting'
import { normalizeText } from './normalize'
import { contentHash, planIdFor, seriesFor } from './plan-id'
import { relatePlans } from './relate'
import { segmentDocument } from './segment'

export type { SourceFile }

export interface IngestResult {
  data: PlanData
  diagnostics: Diagnostic[]
}

/** How much repair a document needed per thousand characters: the merge trusts cleaner documents first. */
function documentNoise(repairs: NormalizeRepairs, length: number): number {
  const weighted = repairs.pageMarkers * 2 + repairs.noise + repairs.brokenLines + repairs.halfWidthPunctuation * 0.2 + repairs.traditionalChars * 0.05
  return weighted / Math.max(1, length / 1000)
}

/** The running text of a block document, one line per paragraph (tables read row by row). */
function documentText(doc: BlockDocument): string {
  return doc.blocks.flatMap(b => (b.kind === 'paragraph' ? [b.text] : b.rows.map(r => r.cells.join(' ')))).join('\n')
}

/** Reads one document into per-plan readings, reporting what it could not read. */
function readDocument(doc: BlockDocument, diagnostics: Diagnostic[]): { plans: DocumentPlan[], extras: DocumentExtras } | null {
  const source = doc.source
  diagnostics.push(...doc.diagnostics)
  if (doc.format === null)
    return null
  const normalized = normalizeText(documentText(doc))
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
    if (raw.numbering === 'plan' && numbers.some((n, i) => n !== i + 1))
      diagnostics.push({ level: 'warning', code: 'numbering-gap', source, message: `${raw.title}: point numbers are not continuous (${numbers.join(', ')})` })
    const points = raw.points.map(p => extractPoint(p, raw.year, d => diagnostics.push({ ...d, source, message: `${raw.title} ${d.message}` })))
    const seen = new Set<string>()
    for (const p of points) {
      const key = pointKey(p, raw.numbering)
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
function toPlans(merged: MergedPlan[], themes: Theme[], origin: PlanOrigin): Plan[] {
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
      points: m.points.filter(p => p.sectionNo === s.no).map(({ sectionNo: _s, groupNo, ...p }) => ({
        ...p,
        id: m.numbering === 'plan' ? `${id}-${p.no}` : m.numbering === 'section' ? `${id}-${s.no}-${p.no}` : `${id}-${s.no}-${groupNo ?? 0}-${p.no}`,
        themes: [fallbackTheme],
        related: [],
      })),
    }))
    return {
      id,
      title: m.title,
      region: m.region,
      level: m.level,
      year: m.year,
      ...(m.docNo ? { docNo: m.docNo } : {}),
      ...(m.issuedOn ? { issuedOn: m.issuedOn } : {}),
      sources: m.sources,
      sections,
      origin,
      series: seriesFor(m.region, m.topic),
    }
  })
}

export interface IngestOptions {
  themes?: Theme[]
  /** Written on every plan (default `build`); the app's import writes `local`. */
  origin?: PlanOrigin
  /** Called as documents are read and parsed: `done` of `total` steps, and what is happening in words. */
  onProgress?: (done: number, total: number, stage: string) => void
}

/**
 * The one entry point of ingest, for the CLI, the build and the app's import worker: reads every document (any
 * supported format) and runs the pipeline over them together (the same plan in several documents merges).
 */
export async function ingest(files: SourceFile[], options: IngestOptions = {}): Promise<IngestResult> {
  const sorted = [...files].sort((a, b) => a.name.localeCompare(b.name))
  const total = sorted.length * 2 + 1
  const documents: BlockDocument[] = []
  for (const [i, file] of sorted.entries()) {
    options.onProgress?.(i, total, `读取 ${file.name}`)
    documents.push(await readDocumentBlocks(file))
  }
  return ingestBlocks(documents, options)
}

/** The pipeline over documents already read into blocks (synchronous: no format library is involved any more). */
export function ingestBlocks(documents: BlockDocument[], options: IngestOptions = {}): IngestResult {
  const diagnostics: Diagnostic[] = []
  const themes = options.themes ?? loadTaxonomy()
  const readings: DocumentPlan[] = []
  const extras: DocumentExtras[] = []
  const total = documents.length * 2 + 1
  for (const [i, document] of documents.entries()) {
    options.onProgress?.(documents.length + i, total, `解析 ${document.source}`)
    const doc = readDocument(document, diagnostics)
    if (doc) {
      readings.push(...doc.plans)
      extras.push(doc.extras)
    }
  }
  options.onProgress?.(total - 1, total, '归类与关联')
  const plans = relatePlans(classifyPlans(toPlans(mergePlans(readings, extras, diagnostics), themes, options.origin ?? 'build'), themes))
  const version = contentHash(JSON.stringify({ plans, themes }))
  return { data: { version, plans, themes }, diagnostics }
}
