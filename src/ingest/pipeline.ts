import type { Plan, PlanData, PlanOrigin, Theme } from '../domain/plan'
import type { BlockDocument, SourceFile } from './blocks'
import type { Diagnostic } from './diagnostics'
import type { DocumentExtras, DocumentPlan, MergedPlan } from './merge'
import { withPinyin } from '../search/plan-pinyin'
import { classifyPlans, loadTaxonomy } from './classify'
import { readDocumentBlocks } from './formats'
import { mergePlans } from './merge'
import { contentHash, planIdFor, seriesFor } from './plan-id'
import { readDocument } from './read-document'
import { relatePlans } from './relate'

export type { SourceFile }

export interface IngestResult {
  data: PlanData
  diagnostics: Diagnostic[]
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
  const related = relatePlans(classifyPlans(toPlans(mergePlans(readings, extras, diagnostics), themes, options.origin ?? 'build'), themes))
  // Search's word pinyin is made here, with the dictionary, so no phone needs one; it is part of the content hash,
  // so data from before it shipped gets a new version and is replaced.
  const indexed = withPinyin({ plans: related, themes })
  const version = contentHash(JSON.stringify(indexed))
  return { data: { version, ...indexed }, diagnostics }
}
